#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "output/formatter.h"
#include "search.h"

namespace morgue {

/// Everything `morgue-search` is asked to do.
struct SearchCommand {
    std::vector<std::string> databases;
    SearchRequest request;
    OutputFormat format = OutputFormat::text;
    OutputOptions output;
    bool quiet = false;       ///< no warnings on stderr
    bool count_only = false;  ///< --count: print the exact number of matches only
};

/// Runs one search command: results on out, warnings and errors on err; returns the exit code
/// of DESIGN.md's table (0 results, 1 none, 2 usage or query, 3 database). Nothing is thrown.
int run_search(const SearchCommand& command, std::ostream& out, std::ostream& err);

}  // namespace morgue
