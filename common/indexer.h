#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "readers/reader.h"

namespace morgue {

/// Everything `morgue-index` is asked to do.
struct IndexOptions {
    std::string database;
    std::vector<std::string> inputs;       ///< files, directories, "-" for stdin
    Format format = Format::automatic;     ///< --format; automatic detects per file
    CsvOptions csv;
    std::vector<std::string> field_maps;   ///< --map FIELD=KEY
    std::string tz = "UTC";                ///< zone of zone-less dates
    std::vector<std::string> delete_ids;   ///< --delete
    bool wait = false;                     ///< --wait: wait for another writer to finish
    bool force = false;                    ///< re-read files unchanged since the last run
    bool spelling = true;                  ///< keep spelling data (--no-spelling turns it off)
    bool entities = true;                  ///< extract entities (--no-entities turns it off)
    bool near_copies = true;               ///< near-copy fingerprints (--no-fingerprints)
    std::string language;                  ///< --language: of records naming none; no detection
    std::size_t threads = 0;               ///< -j: worker threads; 0 = the processors available
    bool compact = false;                  ///< --compact: rewrite the database compactly at the end
    std::optional<unsigned> shards;        ///< --shards N: a new archive of N hash shards
    std::string shard_by;                  ///< --shard-by year|month: a new archive by date
    bool merge = false;                    ///< --merge: the archive's shards into one database
    bool dry_run = false;                  ///< print articles as JSON Lines, write nothing
    bool strict = false;                   ///< skipped records make the exit code 1
    bool quiet = false;
    bool progress = false;                 ///< progress line on stderr (when it is a terminal)
    std::size_t batch_size = 10000;        ///< documents per commit
};

/// Runs one indexing command: reads the inputs, writes (or with dry_run prints) the articles,
/// reports on err, and returns the exit code of DESIGN.md's table. Usage and database problems
/// are reported on err too; nothing is thrown.
int run_index(const IndexOptions& options, std::ostream& out, std::ostream& err);

}  // namespace morgue
