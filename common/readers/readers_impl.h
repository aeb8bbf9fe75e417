#pragma once

// The concrete readers behind make_reader(), and the small helpers they share. Private to
// common/readers/ and its tests: the rest of morgue sees only reader.h.

#include <cstddef>
#include <string>
#include <string_view>

#include "reader.h"

namespace morgue {

/// JSON Lines: one JSON object per line; a bad line is reported and skipped.
class JsonlReader : public Reader {
  public:
    /// max_line bounds one line (and so one record) in memory.
    explicit JsonlReader(std::size_t max_line = LineReader::kDefaultMaxLine);
    void read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
              const DiagnosticSink& diagnostics) override;

  private:
    std::size_t max_line_;
};

/// A JSON file: an array of records (origin line = 1-based element index) or one object (the
/// whole file is one record). Reads the whole file, up to max_file bytes.
class JsonReader : public Reader {
  public:
    /// Larger files belong in JSON Lines, which streams; 1 GiB covers real single-file dumps.
    static constexpr std::size_t kMaxFile = std::size_t{1} << 30;
    explicit JsonReader(std::size_t max_file = kMaxFile);
    void read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
              const DiagnosticSink& diagnostics) override;

  private:
    std::size_t max_file_;
};

/// CSV and TSV (RFC 4180 quoting), streamed line by line. A record's origin line is where it
/// starts; a line break inside a quoted field reads as "\n"; blank lines are skipped.
class CsvReader : public Reader {
  public:
    /// A quoted field (and so a record) may not grow past this: an unbalanced quote would
    /// otherwise swallow the rest of the file into memory.
    static constexpr std::size_t kMaxRecord = std::size_t{16} << 20;
    /// format is csv or tsv and picks the default delimiter.
    CsvReader(Format format, CsvOptions options, std::size_t max_record = kMaxRecord);
    void read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
              const DiagnosticSink& diagnostics) override;

  private:
    CsvOptions options_;
    char delimiter_;
    std::size_t max_record_;
};

/// Plain text: the whole file is one record with the single field ("body", content).
class TextReader : public Reader {
  public:
    /// No real article comes near this; a bigger .txt is a dump of something else.
    static constexpr std::size_t kMaxFile = std::size_t{64} << 20;
    explicit TextReader(std::size_t max_file = kMaxFile);
    void read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
              const DiagnosticSink& diagnostics) override;

  private:
    std::size_t max_file_;
};

/// A web page: the whole file is one page, read by html_to_record (html.h).
class HtmlReader : public Reader {
  public:
    /// Saved news pages run to a few MiB with their scripts; a bigger page is cut here.
    static constexpr std::size_t kMaxFile = std::size_t{32} << 20;
    explicit HtmlReader(std::size_t max_file = kMaxFile);
    void read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
              const DiagnosticSink& diagnostics) override;

  private:
    std::size_t max_file_;
};

/// A warning about input, located at info's path and line (0: the whole file).
Diagnostic input_warning(const InputInfo& info, std::size_t line, std::string message,
                         std::string reason);

/// "64 MiB", "1 GiB", "100 bytes": limits as messages print them.
std::string size_text(std::size_t bytes);

/// s without a leading UTF-8 byte order mark.
std::string_view strip_bom(std::string_view s);

/// True when s holds only ASCII white space (or nothing).
bool is_blank(std::string_view s);

}  // namespace morgue
