// html_eval: measures the HTML reader against pages whose article Mozilla Readability has
// extracted (readability-test-pages: source.html, expected.html, expected-metadata.json per
// folder). Prints match rates for title, byline, site name and published date, and the mean
// token F1 of the body against expected.html's text. How each is measured is described in
// docs/html-extraction.md.
#include <simdjson.h>
#include <utf8proc.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "common/dates.h"
#include "common/html/dom.h"
#include "common/html/text.h"
#include "common/pipeline.h"
#include "common/readers/html.h"
#include "common/text/unicode.h"

namespace fs = std::filesystem;

namespace {

constexpr int kSkipped = 77;  // CTest's SKIP_RETURN_CODE: the corpus is not there

struct Options {
    std::string corpus = MORGUE_HTML_CORPUS;
    bool check = false;
    bool verbose = false;
    double min_title = 0.90;
    double min_date = 0.90;
    double min_f1 = 0.85;
};

// A count of matches over the pages that have something to match.
struct Rate {
    int matched = 0;
    int total = 0;
    void add(bool match) {
        matched += match ? 1 : 0;
        ++total;
    }
    double value() const { return total == 0 ? 1.0 : static_cast<double>(matched) / total; }
};

struct Expected {
    std::string title;
    std::string byline;
    std::string site_name;
    std::string published;
};

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string json_string(simdjson::dom::element doc, const char* key) {
    std::string_view value;
    return doc[key].get_string().get(value) ? std::string() : std::string(value);
}

std::optional<Expected> read_expected(const fs::path& path) {
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    if (parser.load(path.string()).get(doc)) {
        return std::nullopt;
    }
    return Expected{json_string(doc, "title"), json_string(doc, "byline"),
                    json_string(doc, "siteName"), json_string(doc, "publishedTime")};
}

// Han, kana and Hangul are written without spaces: each character is a token of its own.
bool is_cjk(utf8proc_int32_t cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

bool is_word_character(utf8proc_int32_t cp) {
    const utf8proc_category_t category = utf8proc_category(cp);
    return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_NO);
}

// Tokens: maximal runs of letters, marks and digits, lower-cased; CJK characters one each.
std::vector<std::string> tokens(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    utf8proc_ssize_t pos = 0;
    const auto size = static_cast<utf8proc_ssize_t>(text.size());
    while (pos < size) {
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t n = utf8proc_iterate(bytes + pos, size - pos, &cp);
        pos += n > 0 ? n : 1;
        const bool cjk = n > 0 && is_cjk(cp);
        if (n > 0 && !cjk && is_word_character(cp)) {
            utf8proc_uint8_t buffer[4];
            const utf8proc_ssize_t length = utf8proc_encode_char(utf8proc_tolower(cp), buffer);
            word.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
            continue;
        }
        if (!word.empty()) {
            out.push_back(std::move(word));
            word.clear();
        }
        if (cjk) {
            out.emplace_back(reinterpret_cast<const char*>(bytes + pos - n),
                             static_cast<std::size_t>(n));
        }
    }
    if (!word.empty()) {
        out.push_back(std::move(word));
    }
    return out;
}

// Bag-of-tokens F1: overlap counts each token as often as both texts have it.
double token_f1(const std::vector<std::string>& got, const std::vector<std::string>& want) {
    if (got.empty() || want.empty()) {
        return got.empty() && want.empty() ? 1.0 : 0.0;
    }
    std::map<std::string, int> counts;
    for (const std::string& token : want) {
        ++counts[token];
    }
    int overlap = 0;
    for (const std::string& token : got) {
        if (auto it = counts.find(token); it != counts.end() && it->second > 0) {
            --it->second;
            ++overlap;
        }
    }
    const double precision = static_cast<double>(overlap) / static_cast<double>(got.size());
    const double recall = static_cast<double>(overlap) / static_cast<double>(want.size());
    return overlap == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
}

// A byline and a list of authors name the same people when their words agree, leaving out
// the words that introduce and join names ("By", "Par", "and"), which Readability keeps.
bool same_people(const std::string& byline, const std::vector<std::string>& authors) {
    std::string joined;
    for (const std::string& author : authors) {
        joined += author + " ";
    }
    const auto words = [](const std::string& text) {
        std::vector<std::string> out = tokens(text);
        std::erase_if(out, [](const std::string& w) {
            return w == "by" || w == "par" || w == "von" || w == "por" || w == "and";
        });
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    };
    return !authors.empty() && words(byline) == words(joined);
}

bool same_text(std::string_view a, std::string_view b) {
    return morgue::text::collapse_space(a) == morgue::text::collapse_space(b);
}

bool same_name(std::string_view a, std::string_view b) {
    return morgue::text::fold_value(a) == morgue::text::fold_value(b);
}

// The UTC day of an instant, as "days since the epoch".
std::int64_t day_of(std::int64_t seconds) {
    return seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
}

std::vector<std::string> values(const morgue::Record& record, std::string_view key) {
    std::vector<std::string> out;
    for (const auto& [name, value] : record.fields) {
        if (name == key) {
            out.push_back(value);
        }
    }
    return out;
}

std::string first(const morgue::Record& record, std::string_view key) {
    std::vector<std::string> all = values(record, key);
    return all.empty() ? std::string() : all.front();
}

struct Totals {
    Rate title;
    Rate byline;
    Rate site_name;
    Rate date;
    double f1_sum = 0;
    int pages = 0;
};

// How one page compares; a check is true when it passes or the page has nothing to check.
struct PageResult {
    double f1 = 0;
    bool title = true;
    bool byline = true;
    bool date = true;
};

bool same_day(const morgue::Record& got, const std::string& published) {
    const auto want = morgue::dates::parse_date(published, morgue::dates::TimeZone());
    std::vector<morgue::Diagnostic> notes;
    const auto article = morgue::build_article(got, morgue::PipelineOptions{}, notes);
    return want && article && article->date && day_of(*article->date) == day_of(want->seconds);
}

PageResult compare(const morgue::Record& got, const Expected& expected, const fs::path& folder,
                   Totals& totals) {
    PageResult result;
    const auto want_page = morgue::html::parse(read_file(folder / "expected.html"));
    result.f1 =
        token_f1(tokens(first(got, "body")), tokens(morgue::html::render_paragraphs(*want_page)));
    totals.f1_sum += result.f1;
    ++totals.pages;
    if (!expected.title.empty()) {
        result.title = same_text(first(got, "title"), expected.title);
        totals.title.add(result.title);
    }
    if (!expected.byline.empty()) {
        result.byline = same_people(expected.byline, values(got, "author"));
        totals.byline.add(result.byline);
    }
    if (!expected.site_name.empty()) {
        totals.site_name.add(same_name(first(got, "source"), expected.site_name));
    }
    if (!expected.published.empty()) {
        result.date = same_day(got, expected.published);
        totals.date.add(result.date);
    }
    return result;
}

void print_page(const fs::path& folder, const morgue::Record& got, const Expected& expected,
                const PageResult& result) {
    std::printf("%-40s F1 %.3f%s%s\n", folder.filename().string().c_str(), result.f1,
                result.title ? "" : "  title differs", result.date ? "" : "  date differs");
    if (!result.title) {
        std::printf("    title got  \"%s\"\n          want \"%s\"\n", first(got, "title").c_str(),
                    expected.title.c_str());
    }
    if (!result.byline) {
        std::string authors;
        for (const std::string& author : values(got, "author")) {
            authors += (authors.empty() ? "" : "; ") + author;
        }
        std::printf("    byline got  \"%s\"\n           want \"%s\"\n", authors.c_str(),
                    expected.byline.c_str());
    }
}

void evaluate_page(const fs::path& folder, const Options& options, Totals& totals) {
    const std::optional<Expected> expected = read_expected(folder / "expected-metadata.json");
    if (!expected) {
        std::cerr << "html_eval: warning: " << folder.string()
                  << ": unreadable expected-metadata.json; page left out\n";
        return;
    }
    const morgue::Origin origin{(folder / "source.html").string(), 0};
    const std::optional<morgue::Record> record = morgue::html_to_record(
        read_file(folder / "source.html"), {}, origin, [](const morgue::Diagnostic&) {});
    const morgue::Record got = record ? *record : morgue::Record{};
    const PageResult result = compare(got, *expected, folder, totals);
    if (options.verbose) {
        print_page(folder, got, *expected, result);
    }
}

void print_rate(const char* what, const Rate& rate, const char* target) {
    std::printf("%-28s %3d/%-3d %6.1f%%%s\n", what, rate.matched, rate.total, 100 * rate.value(),
                target);
}

void setup_options(CLI::App& app, Options& options) {
    app.add_option("--corpus", options.corpus, "Folder of test pages (one folder per page)");
    app.add_flag("--check", options.check, "Exit with 1 when a target is missed");
    app.add_flag("-v,--verbose", options.verbose, "Print the figures of every page");
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app("Evaluate morgue's HTML reader against Readability's extractions.", "html_eval");
    Options options;
    setup_options(app, options);
    CLI11_PARSE(app, argc, argv);
    if (!fs::is_directory(options.corpus)) {
        std::cerr << "html_eval: " << options.corpus << " not found; evaluation skipped\n";
        return kSkipped;
    }
    std::vector<fs::path> folders;
    for (const auto& entry : fs::directory_iterator(options.corpus)) {
        if (entry.is_directory() && fs::exists(entry.path() / "source.html")) {
            folders.push_back(entry.path());
        }
    }
    std::sort(folders.begin(), folders.end());
    Totals totals;
    for (const fs::path& folder : folders) {
        evaluate_page(folder, options, totals);
    }
    const double mean_f1 = totals.pages == 0 ? 0.0 : totals.f1_sum / totals.pages;
    std::printf("pages                        %d\n", totals.pages);
    print_rate("title exact match", totals.title, "   (target >= 90%)");
    print_rate("byline match", totals.byline, "");
    print_rate("site name match", totals.site_name, "");
    print_rate("published date (same day)", totals.date, "   (target >= 90%)");
    std::printf("%-28s %.3f      (target >= 0.85)\n", "mean body token F1", mean_f1);
    const bool met = totals.title.value() >= options.min_title &&
                     totals.date.value() >= options.min_date && mean_f1 >= options.min_f1;
    return options.check && !met ? 1 : 0;
}
