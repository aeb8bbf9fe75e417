// Speed of the entity extractor alone, on one core, in MB of article text per second.
//
//   ner_bench [--repeat N]
//
// Corpora from ../shared/corpora/news: BBC (title line, blank line, body; 2,225 files) and
// Reuters-21578 (the <TITLE> and <BODY> of each <REUTERS> record, entities decoded crudely).
// Loading the model is not timed; the texts are read into memory first. Both the processor
// time (what one core does, whatever else the machine runs) and the wall time are reported. Exits
// 77 when the shared corpora are absent.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "common/entities/extractor.h"
#include "common/text/unicode.h"

namespace {

namespace fs = std::filesystem;

struct Article {
    std::string title;
    std::string body;
};

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::vector<fs::path> sorted_files(const fs::path& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (entry.is_regular_file()) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<Article> bbc(const fs::path& folder) {
    std::vector<Article> articles;
    for (const fs::path& path : sorted_files(folder)) {
        if (path.extension() != ".txt") {
            continue;
        }
        const std::string text = morgue::text::to_utf8(read_file(path));
        const std::size_t newline = std::min(text.find('\n'), text.size());
        articles.push_back(Article{text.substr(0, newline), text.substr(newline)});
    }
    return articles;
}

// The text between <tag> and </tag> in record, "" when absent.
std::string element(std::string_view record, std::string_view tag) {
    const std::string open = "<" + std::string(tag) + ">";
    const std::string close = "</" + std::string(tag) + ">";
    const std::size_t begin = record.find(open);
    const std::size_t end = record.find(close);
    if (begin == std::string_view::npos || end == std::string_view::npos || end < begin) {
        return {};
    }
    return std::string(record.substr(begin + open.size(), end - begin - open.size()));
}

// &lt; &gt; &amp; decoded, numeric references (control characters in this corpus) dropped.
std::string decode(std::string text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&') {
            out.push_back(text[i]);
            continue;
        }
        const std::size_t semicolon = text.find(';', i);
        const std::string name = text.substr(i + 1, semicolon - i - 1);
        out += name == "lt" ? "<" : name == "gt" ? ">" : name == "amp" ? "&" : "";
        i = semicolon == std::string::npos ? text.size() : semicolon;
    }
    return out;
}

std::vector<Article> reuters(const fs::path& folder) {
    std::vector<Article> articles;
    for (const fs::path& path : sorted_files(folder)) {
        if (path.extension() != ".sgm") {
            continue;
        }
        const std::string content = morgue::text::to_utf8(read_file(path));
        for (std::size_t at = content.find("<REUTERS"); at != std::string::npos;) {
            const std::size_t end = content.find("</REUTERS>", at);
            const std::string_view record = std::string_view(content).substr(at, end - at);
            std::string body = decode(element(record, "BODY"));
            if (!body.empty()) {
                articles.push_back(Article{decode(element(record, "TITLE")), std::move(body)});
            }
            at = end == std::string::npos ? end : content.find("<REUTERS", end);
        }
    }
    return articles;
}

void bench(const char* name, const std::vector<Article>& articles, int repeat) {
    const auto& extractor = morgue::entities::Extractor::shared();
    std::size_t bytes = 0, found = 0;
    for (const Article& article : articles) {
        bytes += article.title.size() + article.body.size();
    }
    const auto started = std::chrono::steady_clock::now();
    const std::clock_t cpu_started = std::clock();
    for (int r = 0; r < repeat; ++r) {
        for (const Article& article : articles) {
            found += extractor.extract(article.title, article.body, "en").size();
        }
    }
    const double cpu = static_cast<double>(std::clock() - cpu_started) / CLOCKS_PER_SEC;
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    const double megabytes = static_cast<double>(bytes) * repeat / 1e6;
    std::printf(
        "%-8s %6zu articles %7.2f MB  cpu %6.2f s %6.2f MB/s  wall %6.2f s %6.2f MB/s"
        "  (%zu entities)\n",
        name, articles.size(), megabytes, cpu, megabytes / cpu, took.count(),
        megabytes / took.count(), found / static_cast<std::size_t>(repeat));
}

}  // namespace

int main(int argc, char** argv) {
    int repeat = 1;
    if (argc == 3 && std::string_view(argv[1]) == "--repeat") {
        repeat = std::max(1, std::stoi(argv[2]));
    } else if (argc != 1) {
        std::fprintf(stderr, "usage: ner_bench [--repeat N]\n");
        return 2;
    }
    const fs::path news = fs::path(MORGUE_SOURCE_DIR) / ".." / "shared" / "corpora" / "news";
    if (!fs::is_directory(news / "bbc") || !fs::is_directory(news / "reuters21578" / "sgm-data")) {
        std::printf("skipped: %s (the shared corpora) is absent\n", news.c_str());
        return 77;
    }
    const std::vector<Article> bbc_articles = bbc(news / "bbc");
    const std::vector<Article> reuters_articles = reuters(news / "reuters21578" / "sgm-data");
    morgue::entities::Extractor::shared();  // load the model before the clock starts
    bench("bbc", bbc_articles, repeat);
    bench("reuters", reuters_articles, repeat);
    return 0;
}
