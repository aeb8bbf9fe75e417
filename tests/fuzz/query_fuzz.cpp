// The query front end, on any text: morgue-search reads it as a query (fields, dates, phrases,
// brackets, wildcards, operators), runs it against a database of corpus/ built once at start,
// and prints the results as JSON; --explain reads it too. Sort order and matching vary with
// the input's length. A query may be refused (exit 2), never fail as a database would (exit 3).

#include <sstream>

#include "common/errors.h"
#include "common/indexer.h"
#include "common/output/formatter.h"
#include "common/search.h"
#include "fuzz_support.h"

namespace {

constexpr std::int64_t kNow = 1645617600;  // 2022-02-23T12:00:00Z

// corpus/ indexed as morgue-index would, in the process's temporary folder.
std::string corpus_database() {
    morgue::IndexOptions options;
    options.database = (morgue::fuzz::temp_folder() / "db").string();
    options.inputs = {std::string(MORGUE_SOURCE_DIR) + "/corpus"};
    options.threads = 1;
    options.quiet = true;
    std::ostringstream out;
    std::ostringstream err;
    if (morgue::run_index(options, out, err) != 0) {
        std::fprintf(stderr, "indexing corpus/ failed:\n%s", err.str().c_str());
        std::abort();
    }
    return options.database;
}

morgue::Searcher& searcher() {
    static morgue::Searcher searcher({corpus_database()});
    return searcher;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    searcher();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace morgue;
    SearchRequest request;
    request.query = std::string(fuzz::as_text(data, size));
    request.now = kNow;
    request.limit = 5;
    request.sort = static_cast<SortOrder>(size % 3);
    request.match_all_words = size % 2 == 1;
    request.collapse = size % 5 == 4;
    try {
        std::ostringstream out;
        make_formatter(OutputFormat::json, OutputOptions{})->write(searcher().search(request), out);
        fuzz::check_utf8(out.str(), "the JSON output");
        searcher().explain(request);
    } catch (const UsageError&) {
        // A query morgue will not guess at: the user is told where it is wrong.
    }
    return 0;
}
