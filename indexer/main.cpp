// morgue-index: reads article dumps and writes them into a morgue database.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "common/errors.h"
#include "common/indexer.h"
#include "common/interrupt.h"

namespace {

/// "," or "\t" or "tab" as a delimiter character.
std::string parse_char(const std::string& text, char* out) {
    if (text == "\\t" || text == "tab") {
        *out = '\t';
        return {};
    }
    if (text.size() != 1) {
        return "expected one character (or \\t), got '" + text + "'";
    }
    *out = text[0];
    return {};
}

void setup_options(CLI::App& app, morgue::IndexOptions& o, std::string& format) {
    app.add_option("-d,--database", o.database, "Database to create or update")
        ->envname("MORGUE_DB");
    app.add_option("inputs", o.inputs, "Files, directories (recursive) or - for stdin");
    app.add_option("--format", format, "Input format (default: detect per file)")
        ->check(CLI::IsMember({"auto", "jsonl", "json", "csv", "tsv", "text", "html", "warc", "sgml",
                               "mail", "mbox", "xml"}));
    app.add_flag("--no-header", [&o](std::int64_t) { o.csv.header = false; },
                 "CSV/TSV files have no header row (name columns with --columns)");
    app.add_option("--columns", o.csv.columns, "Column names for CSV/TSV without a header")
        ->delimiter(',');
    app.add_option_function<std::string>(
           "--delimiter",
           [&o](const std::string& v) {
               char c = 0;
               std::string error = parse_char(v, &c);
               if (!error.empty()) throw CLI::ValidationError("--delimiter", error);
               o.csv.delimiter = c;
           },
           "CSV field delimiter (default: detected)");
    app.add_option_function<std::string>(
           "--quote",
           [&o](const std::string& v) {
               std::string error = parse_char(v, &o.csv.quote);
               if (!error.empty()) throw CLI::ValidationError("--quote", error);
           },
           "CSV quote character (default: \")");
    app.add_option("--map", o.field_maps, "FIELD=KEY: read FIELD from KEY (dotted for nested JSON)")
        ->allow_extra_args(false);
    app.add_option("--tz", o.tz, "Time zone of dates written without one (default: UTC)");
    app.add_option("--delete", o.delete_ids, "Remove the document with this id (repeatable)")
        ->allow_extra_args(false);
    app.add_option("--batch-size", o.batch_size, "Documents per commit")->check(CLI::Range(1, 10000000));
    app.add_flag("--wait", o.wait,
                 "When another morgue-index is writing the database, wait for it to finish");
    app.add_flag("--force", o.force, "Re-read files unchanged since they were last indexed");
    app.add_flag("!--no-spelling", o.spelling, "Keep no spelling data (no \"did you mean\")");
    app.add_flag("!--no-entities", o.entities,
                 "Do not extract people, organisations and places (records' own lists are kept)");
    app.add_flag("!--no-fingerprints", o.near_copies,
                 "Compute no near-copy fingerprints (exact copies are still found)");
    app.add_option("--language", o.language,
                   "Language (ISO 639-1) of records that name none; turns detection off");
    app.add_option("-j,--threads", o.threads,
                   "Threads for the per-record work (default: the processors available)")
        ->check(CLI::Range(1, 256));
    app.add_flag("--compact", o.compact,
                 "Rewrite the database (every shard of an archive) compactly at the end");
    app.add_option("--shards", o.shards,
                   "Make -d a new archive of N shards (2 to 1024), by a hash of each record's "
                   "id: a folder of databases that morgue-search reads as one");
    app.add_option("--shard-by", o.shard_by,
                   "Make -d a new archive of one shard per year or month of the records' dates "
                   "(UTC), undated records in 'undated'")
        ->check(CLI::IsMember({"year", "month"}));
    app.add_flag("--merge", o.merge,
                 "Combine the shards of the archive -d into one compact database, in its "
                 "place, after indexing the inputs (if any)");
    app.add_flag("--dry-run", o.dry_run, "Print the normalised articles as JSON Lines; write nothing");
    app.add_flag("--strict", o.strict, "Exit with 1 when records were skipped");
    app.add_flag("-q,--quiet", o.quiet, "Print only errors and the summary");
    app.set_version_flag("--version", std::string("morgue-index ") + MORGUE_VERSION);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app("Index news article dumps into a morgue database.", "morgue-index");
    morgue::IndexOptions options;
    std::string format = "auto";
    setup_options(app, options, format);
    try {
        app.parse(argc, argv);
        if (options.inputs.empty() && options.delete_ids.empty() && !options.merge) {
            throw CLI::ValidationError("inputs", "nothing to index: give files or directories");
        }
        if (options.database.empty() && !options.dry_run) {
            throw CLI::ValidationError("-d", "no database: give -d PATH or set MORGUE_DB");
        }
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : static_cast<int>(morgue::ExitCode::usage);
    }
    if (format != "auto") {
        options.format = *morgue::format_from_name(format);
    }
    options.progress = isatty(STDERR_FILENO) != 0;
    morgue::install_interrupt_handler();
    morgue::ignore_file_size_signal();
    return morgue::run_index(options, std::cout, std::cerr);
}
