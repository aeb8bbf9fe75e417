#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "output/formatter.h"
#include "search.h"

namespace morgue {

/// Everything `morgue-search` is asked to do.
struct SearchCommand {
    std::vector<std::string> databases;  ///< -d: databases, stubs, tcp://HOST:PORT
    ShardOptions shards;                 ///< --partial, --remote-timeout
    SearchRequest request;
    OutputFormat format = OutputFormat::text;
    OutputOptions output;
    bool quiet = false;       ///< no warnings on stderr
    bool count_only = false;  ///< --count: print the exact number of matches only
    bool batch = false;       ///< --batch: queries from standard input, one JSON line each
    bool explain = false;     ///< --explain: how the query is read, instead of results
    bool stats = false;       ///< --stats: what the database holds, instead of results
};

/// Runs one search command: results on out, warnings and errors on err; returns the exit code
/// of DESIGN.md's table (0 results, 1 none, 2 usage or query, 3 database). Nothing is thrown.
/// With batch, queries come from in (see batch.h).
int run_search(const SearchCommand& command, std::istream& in, std::ostream& out,
               std::ostream& err);

}  // namespace morgue
