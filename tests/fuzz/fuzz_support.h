#pragma once

// What the fuzz targets share: their input as text, a check that stops the run, a temporary
// folder removed at exit, and reading bytes the way morgue-index does (format detection, the
// reader, then each record made an article and a Xapian document).

#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "common/index_writer.h"
#include "common/pipeline.h"
#include "common/readers/byte_source.h"
#include "common/readers/reader.h"
#include "common/streams.h"
#include "common/text/unicode.h"

namespace morgue::fuzz {

/// The fuzzer's bytes as a string view.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// Stops the run (libFuzzer saves the input) when a documented promise is broken.
inline void check(bool holds, const char* promise) {
    if (!holds) {
        std::fprintf(stderr, "broken promise: %s\n", promise);
        std::abort();
    }
}

/// A folder of its own below the system's temporary folder, removed at exit.
class TempFolder {
  public:
    TempFolder() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "morgue-fuzz-XXXXXX").string();
        check(::mkdtemp(pattern.data()) != nullptr, "a temporary folder can be made");
        path_ = pattern;
    }
    ~TempFolder() {
        std::error_code ignored;  // nothing to do about a folder that will not go at exit
        std::filesystem::remove_all(path_, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

/// The process's temporary folder, made on first use.
inline const std::filesystem::path& temp_folder() {
    static TempFolder folder;
    return folder.path();
}

/// At most limit bytes of a source: a small compressed input can unpack to gigabytes, which
/// would time a run out without telling anything about the code.
class CappedSource : public ByteSource {
  public:
    CappedSource(ByteSource& inner, std::size_t limit) : inner_(inner), left_(limit) {}
    std::size_t read(char* buf, std::size_t n) override {
        const std::size_t got = inner_.read(buf, std::min(n, left_));
        left_ -= got;
        return got;
    }

  private:
    ByteSource& inner_;
    std::size_t left_;
};

/// Stops the run unless text is valid UTF-8.
inline void check_utf8(std::string_view text, const char* what) {
    if (!text::is_valid_utf8(text)) {
        std::fprintf(stderr, "not UTF-8: %s\n", what);
        std::abort();
    }
}

/// Each record as morgue-index takes it: an article (entities aside, they have a target of
/// their own), then the Xapian document the index would store.
inline void index_record(Record&& record) {
    static const PipelineOptions options = [] {
        PipelineOptions o;
        o.extract_entities = false;
        return o;
    }();
    static DocumentBuilder builder;
    for (const auto& [key, value] : record.fields) {
        check_utf8(key, "a record's field name");
        check_utf8(value, "a record's value");
    }
    std::vector<Diagnostic> notes;
    std::optional<Article> article = build_article(record, options, notes);
    if (article) {
        check(!article->id.empty(), "an article has an id");
        check(!article->title.empty() || !article->body.empty(), "an article has text");
        check_utf8(article->title, "an article's title");
        check_utf8(article->body, "an article's body");
        builder.build(*article);
    }
    for (const Diagnostic& d : notes) {
        format_diagnostic("morgue-index", d);
    }
}

/// Reads source with reader, indexing each record and formatting each diagnostic.
inline void read_with(Reader& reader, ByteSource& source, const InputInfo& info) {
    reader.read(source, info, index_record,
                [](Diagnostic d) { format_diagnostic("morgue-index", d); });
}

/// Reads bytes with reader as the input file "name".
inline void read_bytes(Reader& reader, std::string_view bytes, const std::string& name) {
    StringSource source{std::string(bytes)};
    read_with(reader, source, InputInfo{name, "fuzz/" + name});
}

/// Reads a stream as morgue-index does without --format: the format detected from its name
/// and first 64 KiB (the delimiter of CSV too), then its reader.
inline void read_detected(ByteSource& source, const InputInfo& info, std::string_view name) {
    constexpr std::size_t kDetectBytes = 64 * 1024;
    PeekSource peeked(source);
    const std::optional<Format> format = detect_format(name, peeked.peek(kDetectBytes));
    if (!format) {
        return;
    }
    CsvOptions csv;
    if (*format == Format::csv) {
        csv.delimiter = detect_delimiter(peeked.peek(kDetectBytes));
    }
    std::unique_ptr<Reader> reader = make_reader(*format, csv);
    read_with(*reader, peeked, info);
}

}  // namespace morgue::fuzz
