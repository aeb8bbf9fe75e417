// ir_eval: measures morgue's ranking on classic test collections (CISI, Cranfield, MED, CACM:
// documents, queries and relevance judgements), next to plain libxapian with its defaults
// (ir_baseline.cpp), both computed in the same run. Each collection is indexed by morgue-index's
// own code (run_index, on the documents written as JSON Lines) and every query runs through
// morgue-search's Searcher, as typed: morgue's defaults, nothing tuned per collection.
//
// Prints MAP@100, P@10 and nDCG@10 per collection for the baseline, morgue's defaults and
// morgue with --expand, and the ratios of the mean MAP over the collections; --check fails
// when morgue's defaults miss a target. Work files live in a temporary folder, removed at the
// end.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/errors.h"
#include "common/indexer.h"
#include "common/output/json_writer.h"
#include "common/search.h"
#include "ir_baseline.h"
#include "ir_collection.h"
#include "ir_metrics.h"

namespace fs = std::filesystem;

namespace {

constexpr int kSkipped = 77;         // CTest's SKIP_RETURN_CODE: the collections are not there
constexpr std::size_t kDepth = 100;  // results read per query: MAP@100
constexpr double kMinMeanRatio = 1.05;

struct Options {
    std::string collections = MORGUE_IR_CORPUS;
    std::vector<std::string> only;
    bool check = false;
};

/// A folder of its own under the system's temporary folder, removed with everything in it.
class TempDir {
  public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "ir_eval-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("cannot create a folder in " +
                                     fs::temp_directory_path().string());
        }
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

/// The documents as morgue-index reads them: one JSON object a line, with id, title and body.
void write_jsonl(const ir::Collection& collection, const fs::path& path) {
    std::ofstream out(path);
    for (const ir::Item& doc : collection.docs) {
        morgue::JsonWriter json(out);
        json.begin_object();
        json.key("id");
        json.string(doc.id);
        json.key("title");
        json.string(doc.title);
        json.key("body");
        json.string(doc.text);
        json.end_object();
        out << '\n';
    }
    if (!out.flush()) {
        throw std::runtime_error("cannot write " + path.string());
    }
}

/// Indexes the collection with morgue-index's defaults into a new database at db.
void index_with_morgue(const ir::Collection& collection, const fs::path& work, const fs::path& db) {
    morgue::IndexOptions options;
    options.database = db.string();
    options.inputs = {(work / (collection.name + ".jsonl")).string()};
    options.quiet = true;
    write_jsonl(collection, options.inputs.front());
    std::ostringstream out;
    std::ostringstream err;
    if (morgue::run_index(options, out, err) != 0) {
        throw std::runtime_error("indexing " + collection.name + " failed:\n" + err.str());
    }
}

/// Every query through morgue's Searcher, as a person would type it; with expand, as
/// --expand runs it. A query morgue refuses (QueryError) counts as one with no results.
std::vector<ir::Ranking> morgue_rankings(const ir::Collection& collection, const fs::path& db,
                                         bool expand) {
    morgue::Searcher searcher({db.string()});
    std::vector<ir::Ranking> rankings;
    for (std::size_t i = 0; i < collection.queries.size(); ++i) {
        morgue::SearchRequest request;
        request.query = ir::full_text(collection.queries[i]);
        request.limit = kDepth;
        request.suggest = false;
        request.expand = expand;
        ir::Ranking& ranking = rankings.emplace_back();
        try {
            for (const morgue::Hit& hit : searcher.search(request).hits) {
                ranking.push_back(hit.id);
            }
        } catch (const morgue::QueryError& e) {
            std::cerr << "ir_eval: " << collection.name << " query " << i + 1
                      << " refused: " << e.what() << '\n';
        }
    }
    return rankings;
}

int empty_rankings(const std::vector<ir::Ranking>& rankings) {
    int empty = 0;
    for (const ir::Ranking& ranking : rankings) {
        empty += ranking.empty() ? 1 : 0;
    }
    return empty;
}

void print_row(const char* name, const char* system, const ir::Scores& s, int empty) {
    std::printf("%-6s %-9s %8.4f %7.4f %8.4f %8d %6d\n", name, system, s.map, s.p10, s.ndcg,
                s.queries, empty);
}

struct Result {
    std::string name;
    ir::Scores baseline;
    ir::Scores morgue;
    ir::Scores expanded;
};

Result evaluate(const ir::Collection& collection, const fs::path& work) {
    const std::string& name = collection.name;
    std::vector<ir::Ranking> base =
        ir::baseline_rankings(collection, (work / (name + ".xapian")).string(), kDepth);
    const fs::path db = work / (name + ".morgue");
    index_with_morgue(collection, work, db);
    std::vector<ir::Ranking> ours = morgue_rankings(collection, db, false);
    std::vector<ir::Ranking> expanded = morgue_rankings(collection, db, true);
    Result result{name, ir::score(base, collection.relevant), ir::score(ours, collection.relevant),
                  ir::score(expanded, collection.relevant)};
    print_row(name.c_str(), "baseline", result.baseline, empty_rankings(base));
    print_row(name.c_str(), "morgue", result.morgue, empty_rankings(ours));
    print_row(name.c_str(), "--expand", result.expanded, empty_rankings(expanded));
    std::fflush(stdout);
    return result;
}

double mean_map(const std::vector<Result>& results, ir::Scores Result::*system) {
    double sum = 0;
    for (const Result& r : results) {
        sum += (r.*system).map;
    }
    return results.empty() ? 0 : sum / static_cast<double>(results.size());
}

/// Prints the means and the targets (morgue's defaults: --expand is an option); true when
/// every target is met.
bool report(const std::vector<Result>& results) {
    bool each = true;
    for (const Result& r : results) {
        each = each && r.morgue.map >= r.baseline.map;
    }
    const double base = mean_map(results, &Result::baseline);
    const double ours = mean_map(results, &Result::morgue);
    const double expanded = mean_map(results, &Result::expanded);
    const double ratio = base > 0 ? ours / base : 0;
    std::printf(
        "\nmean MAP@100: baseline %.4f, morgue %.4f (ratio %.3f), --expand %.4f "
        "(ratio %.3f)\n",
        base, ours, ratio, expanded, base > 0 ? expanded / base : 0);
    std::printf("targets: morgue >= baseline on every collection: %s; mean ratio >= %.2f: %s\n",
                each ? "yes" : "NO", kMinMeanRatio, ratio >= kMinMeanRatio ? "yes" : "NO");
    return each && ratio >= kMinMeanRatio;
}

void setup_options(CLI::App& app, Options& options) {
    app.add_option("--collections", options.collections,
                   "Folder holding cisi/, cran/, med/ and cacm/");
    app.add_option("--only", options.only, "Evaluate these collections only")
        ->check(CLI::IsMember({"cisi", "cran", "med", "cacm"}));
    app.add_flag("--check", options.check, "Exit with 1 when a target is missed");
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app("Measure morgue's ranking against plain libxapian on IR test collections.",
                 "ir_eval");
    Options options;
    setup_options(app, options);
    CLI11_PARSE(app, argc, argv);
    if (!fs::is_directory(options.collections)) {
        std::cerr << "ir_eval: " << options.collections << " not found; evaluation skipped\n";
        return kSkipped;
    }
    try {
        TempDir work;
        std::printf("%-6s %-9s %8s %7s %8s %8s %6s\n", "", "system", "MAP@100", "P@10", "nDCG@10",
                    "queries", "empty");
        std::vector<Result> results;
        for (const ir::CollectionSpec& spec : ir::kCollections) {
            if (options.only.empty() || std::find(options.only.begin(), options.only.end(),
                                                  spec.name) != options.only.end()) {
                results.push_back(
                    evaluate(ir::read_collection(options.collections, spec), work.path()));
            }
        }
        const bool met = report(results);
        return options.check && !met ? 1 : 0;
    } catch (const std::exception& e) {
        std::cerr << "ir_eval: error: " << e.what() << '\n';
        return 2;
    } catch (const Xapian::Error& e) {
        std::cerr << "ir_eval: error: " << e.get_description() << '\n';
        return 2;
    }
}
