// bench_corpus: prepares the articles that every indexer of tests/bench/run.py reads. It walks
// the inputs with morgue's own readers and pipeline (entity extraction off: only the text and
// the metadata are kept), so that the comparison starts from identical, already normalised
// articles, and writes them twice: as JSON Lines for morgue-index (--format jsonl) and as a
// scriptindex dump for scriptindex and raw_index. Preparing is not part of any measurement.
//
// --articles N (or --copies K) scales the corpus for the growth curves. Below the size of the
// corpus it samples evenly, so every collection stays represented. Above it, the corpus is
// replicated; copies get ids of their own and varied text (see make_copy), because identical
// copies would understate the growth of the vocabulary and of the spelling data.
//
// On stdout: one JSON object with the number of articles written and the bytes of their text
// (title and body), from which run.py computes MB/s.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/dates.h"
#include "common/inputs.h"
#include "common/output/json_writer.h"
#include "common/pipeline.h"
#include "common/readers/byte_source.h"
#include "common/readers/reader.h"
#include "common/streams.h"

namespace {

constexpr std::size_t kDetectBytes = 64 * 1024;  // as much as morgue-index peeks to detect
constexpr std::uint64_t kSeed = 1987;
// One word in this many (of five letters or more) gets two letters swapped in a copy: a
// stand-in for the new names and misspellings that make a real vocabulary keep growing.
constexpr std::uint64_t kMutationRate = 200;
constexpr std::string_view kClosers = "\"')]";  // may follow a sentence's full stop

struct Options {
    std::vector<std::string> inputs;
    std::string jsonl;
    std::string dump;
    std::size_t articles = 0;  // 0: the corpus as it is (times copies)
    std::size_t copies = 1;
};

/// What the benchmark keeps of an article: the fields every indexer gets.
struct BenchArticle {
    std::string id;
    std::string title;
    std::string body;
    std::string source;
    std::optional<std::int64_t> date;
};

/// Reads every input into articles, in the order morgue-index would read them.
class CorpusReader {
  public:
    CorpusReader() { pipeline_.extract_entities = false; }

    std::vector<BenchArticle> read(const std::vector<std::string>& inputs) {
        morgue::walk_inputs(
            inputs, [this](const morgue::InputFile& file) { read_file(file); },
            [this](const morgue::Diagnostic&) { ++problems_; });
        std::cerr << "bench_corpus: " << articles_.size() << " articles read, " << skipped_
                  << " records skipped or duplicate, " << problems_ << " other problems\n";
        return std::move(articles_);
    }

  private:
    void read_file(const morgue::InputFile& file) {
        try {
            morgue::for_each_stream(
                file, [this](const morgue::InputInfo& info, std::string_view name,
                             morgue::ByteSource& source) { read_stream(info, name, source); });
        } catch (const morgue::InputError& e) {
            std::cerr << "bench_corpus: warning: " << file.path << ": " << e.what() << '\n';
        }
    }

    void read_stream(const morgue::InputInfo& info, std::string_view name,
                     morgue::ByteSource& source) {
        morgue::PeekSource peeked(source);
        std::optional<morgue::Format> format =
            morgue::detect_format(name, peeked.peek(kDetectBytes));
        if (!format) {
            ++problems_;
            return;
        }
        morgue::CsvOptions csv;
        if (*format == morgue::Format::csv) {
            csv.delimiter = morgue::detect_delimiter(peeked.peek(kDetectBytes));
        }
        std::unique_ptr<morgue::Reader> reader = morgue::make_reader(*format, csv);
        reader->read(
            peeked, info, [this](morgue::Record&& record) { take(record); },
            [this](const morgue::Diagnostic&) { ++problems_; });
    }

    void take(const morgue::Record& record) {
        notes_.clear();
        std::optional<morgue::Article> article = morgue::build_article(record, pipeline_, notes_);
        // A repeated id would make each indexer replace a document and count fewer of them.
        if (!article || !ids_.insert(article->id).second) {
            ++skipped_;
            return;
        }
        articles_.push_back({std::move(article->id), std::move(article->title),
                             std::move(article->body), std::move(article->source), article->date});
    }

    morgue::PipelineOptions pipeline_;
    std::vector<morgue::Diagnostic> notes_;
    std::vector<BenchArticle> articles_;
    std::unordered_set<std::string> ids_;
    std::size_t skipped_ = 0;
    std::size_t problems_ = 0;
};

/// The text split after each sentence end ('.', '!' or '?', closing quotes or brackets, then
/// white space); the pieces keep their punctuation and trailing space.
std::vector<std::string> split_sentences(std::string_view text) {
    std::vector<std::string> sentences;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '.' && text[i] != '!' && text[i] != '?') {
            continue;
        }
        std::size_t end = i + 1;
        while (end < text.size() && kClosers.find(text[end]) != std::string_view::npos) {
            ++end;
        }
        if (end < text.size() && text[end] == ' ') {
            sentences.emplace_back(text.substr(start, end + 1 - start));
            start = end + 1;
            i = end;
        }
    }
    if (start < text.size()) {
        sentences.emplace_back(text.substr(start));
    }
    return sentences;
}

/// The sentences of each line in a new order; lines (paragraphs) stay where they are.
std::string shuffle_sentences(std::string_view body, std::mt19937_64& rng) {
    std::string out;
    out.reserve(body.size() + 16);
    std::size_t start = 0;
    while (start <= body.size()) {
        std::size_t end = std::min(body.find('\n', start), body.size());
        std::vector<std::string> sentences = split_sentences(body.substr(start, end - start));
        std::shuffle(sentences.begin(), sentences.end(), rng);
        for (std::string& s : sentences) {
            // The last sentence of a line has no trailing space; a moved one needs it.
            if (!s.empty() && s.back() != ' ') {
                s += ' ';
            }
            out += s;
        }
        while (!out.empty() && out.back() == ' ') {
            out.pop_back();
        }
        if (end < body.size()) {
            out += '\n';
        }
        start = end + 1;
    }
    return out;
}

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Swaps two inner letters of about one long word in kMutationRate.
void mutate_words(std::string& text, std::mt19937_64& rng) {
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = i;
        while (end < text.size() && is_letter(text[end])) {
            ++end;
        }
        std::size_t length = end - i;
        if (length >= 5 && rng() % kMutationRate == 0) {
            std::size_t at = i + 1 + rng() % (length - 3);
            std::swap(text[at], text[at + 1]);
        }
        i = end + 1;
    }
}

/// Copy number copy (1, 2 ...) of an article: its own id, the copy number in the title, the
/// sentences of each paragraph shuffled and a few words altered, with a seed of its own so
/// that the output does not depend on how much is written.
BenchArticle make_copy(const BenchArticle& original, std::size_t index, std::size_t copy) {
    std::seed_seq seed{kSeed, static_cast<std::uint64_t>(index), static_cast<std::uint64_t>(copy)};
    std::mt19937_64 rng(seed);
    BenchArticle article = original;
    article.id += "~" + std::to_string(copy);
    article.title += " [" + std::to_string(copy + 1) + "]";
    article.body = shuffle_sentences(original.body, rng);
    mutate_words(article.body, rng);
    return article;
}

void write_jsonl(const BenchArticle& article, std::ostream& out) {
    morgue::JsonWriter json(out);
    json.begin_object();
    json.key("id");
    json.string(article.id);
    json.key("title");
    json.string(article.title);
    json.key("body");
    json.string(article.body);
    if (!article.source.empty()) {
        json.key("source");
        json.string(article.source);
    }
    if (article.date) {
        json.key("date");
        json.string(morgue::dates::format_iso(*article.date));
    }
    json.end_object();
    out << '\n';
}

/// name=value, each newline of the value followed by '=' (scriptindex's continuation).
void write_dump_field(std::string_view name, std::string_view value, std::ostream& out) {
    out << name << '=';
    for (char c : value) {
        if (c == '\r') {
            continue;
        }
        out << c;
        if (c == '\n') {
            out << '=';
        }
    }
    out << '\n';
}

/// One scriptindex record; the date is Unix seconds (UTC), for date=unixutc.
void write_dump(const BenchArticle& article, std::ostream& out) {
    write_dump_field("id", article.id, out);
    write_dump_field("title", article.title, out);
    write_dump_field("body", article.body, out);
    if (!article.source.empty()) {
        write_dump_field("source", article.source, out);
    }
    if (article.date) {
        write_dump_field("date", std::to_string(*article.date), out);
    }
    out << '\n';
}

/// Writes wanted articles: whole rounds of the corpus (round 0 the originals, then copies),
/// then an evenly spaced sample of one more round.
class CorpusWriter {
  public:
    CorpusWriter(const Options& options)
        : jsonl_(options.jsonl, std::ios::binary), dump_(options.dump, std::ios::binary) {
        if (!jsonl_ || !dump_) {
            throw std::runtime_error("cannot write " + options.jsonl + " or " + options.dump);
        }
    }

    void write(const std::vector<BenchArticle>& corpus, std::size_t wanted) {
        std::size_t total = corpus.size();
        for (std::size_t copy = 0; copy * total < wanted; ++copy) {
            std::size_t count = std::min(total, wanted - copy * total);
            for (std::size_t j = 0; j < count; ++j) {
                std::size_t index = j * total / count;
                write_one(copy == 0 ? corpus[index] : make_copy(corpus[index], index, copy));
            }
        }
        jsonl_.flush();
        dump_.flush();
        if (!jsonl_ || !dump_) {
            throw std::runtime_error("write failed (disk full?)");
        }
    }

    void print_summary(std::ostream& out) const {
        out << "{\"articles\":" << articles_ << ",\"text_bytes\":" << text_bytes_ << "}\n";
    }

  private:
    void write_one(const BenchArticle& article) {
        write_jsonl(article, jsonl_);
        write_dump(article, dump_);
        ++articles_;
        text_bytes_ += article.title.size() + article.body.size();
    }

    std::ofstream jsonl_;
    std::ofstream dump_;
    std::size_t articles_ = 0;
    std::size_t text_bytes_ = 0;
};

void setup_options(CLI::App& app, Options& options) {
    app.add_option("inputs", options.inputs, "Files or folders of articles, as morgue-index reads")
        ->required()
        ->check(CLI::ExistingPath);
    app.add_option("--jsonl", options.jsonl, "JSON Lines output, for morgue-index")->required();
    app.add_option("--dump", options.dump, "scriptindex dump output")->required();
    auto* articles = app.add_option("--articles", options.articles,
                                    "Write this many articles: a sample, or copies beyond the "
                                    "corpus");
    app.add_option("--copies", options.copies, "Write the corpus this many times")
        ->check(CLI::PositiveNumber)
        ->excludes(articles);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app("Prepare the benchmark corpus as JSON Lines and a scriptindex dump.",
                 "bench_corpus");
    Options options;
    setup_options(app, options);
    CLI11_PARSE(app, argc, argv);
    try {
        std::vector<BenchArticle> corpus = CorpusReader().read(options.inputs);
        std::size_t wanted = options.articles ? options.articles : options.copies * corpus.size();
        CorpusWriter writer(options);
        writer.write(corpus, wanted);
        writer.print_summary(std::cout);
    } catch (const std::exception& e) {
        std::cerr << "bench_corpus: error: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
