#include "searcher.h"

#include "batch.h"
#include "errors.h"

namespace morgue {

namespace {

int run_checked(const SearchCommand& command, std::ostream& out, std::ostream& err) {
    Searcher searcher(command.databases, command.shards);
    if (command.stats || command.explain) {
        std::unique_ptr<Formatter> formatter = make_formatter(command.format, command.output);
        if (command.stats) {
            formatter->write_stats(searcher.stats(), out);
        } else {
            formatter->write_explanation(searcher.explain(command.request), out);
        }
        return static_cast<int>(ExitCode::ok);
    }
    SearchRequest request = command.request;
    if (command.count_only) {
        request.exact_total = true;
        request.limit = 0;
    }
    SearchResults results = searcher.search(request);
    if (!command.quiet) {
        for (const std::string& warning : results.warnings) {
            err << "morgue-search: warning: " << warning << '\n';
        }
    }
    if (command.count_only) {
        out << results.total_estimate << '\n';
    } else {
        make_formatter(command.format, command.output)->write(results, out);
    }
    out.flush();
    return static_cast<int>(results.total_estimate == 0 ? ExitCode::no_results_or_strict
                                                        : ExitCode::ok);
}

}  // namespace

int run_search(const SearchCommand& command, std::istream& in, std::ostream& out,
               std::ostream& err) {
    try {
        if (command.databases.empty()) {
            throw UsageError("no database: give -d PATH or set MORGUE_DB");
        }
        if (command.batch) {
            return run_batch(command, in, out, err);
        }
        return run_checked(command, out, err);
    } catch (const UsageError& e) {
        err << "morgue-search: error: " << e.what() << '\n';
        return static_cast<int>(ExitCode::usage);
    } catch (const DatabaseError& e) {
        err << "morgue-search: error: " << e.what() << '\n';
        return static_cast<int>(ExitCode::database);
    } catch (const Xapian::Error& e) {
        err << "morgue-search: error: " << e.get_description() << '\n';
        return static_cast<int>(ExitCode::database);
    }
}

}  // namespace morgue
