#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../article.h"
#include "../diagnostics.h"
#include "byte_source.h"

namespace morgue {

/// The input formats morgue reads.
enum class Format { automatic, jsonl, json, csv, tsv, text, html, warc, sgml, mail, mbox, xml };

/// "jsonl", "json", "csv", "tsv", "text", "html", "warc", "sgml", "mail", "mbox", "xml";
/// nullopt for anything else.
std::optional<Format> format_from_name(std::string_view name);
/// The name format_from_name() takes ("auto" for Format::automatic).
std::string_view format_name(Format format);

/// The dialect of CSV/TSV input (--no-header, --columns, --delimiter, --quote).
struct CsvOptions {
    bool header = true;
    /// Names for the columns when there is no header row; without them columns are "1", "2"...
    std::vector<std::string> columns;
    std::optional<char> delimiter;     ///< default: ',' for csv, '\t' for tsv
    char quote = '"';
};

/// What a reader knows about the input it reads.
struct InputInfo {
    std::string display_path;  ///< for messages and Origin::path
    std::string file_id;       ///< input folder name + path below it (one-article-per-file ids)
};

using RecordSink = std::function<void(Record&&)>;

/// One input format. A reader turns bytes into Records; it reports bad records through
/// diagnostics and goes on. It never throws for bad content, only for read failures
/// (InputError from the source).
/// Record values are UTF-8: input that is not is read as Windows-1252 (text::to_utf8).
class Reader {
  public:
    virtual ~Reader() = default;
    virtual void read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
                      const DiagnosticSink& diagnostics) = 0;
};

/// The reader for a format (not automatic).
std::unique_ptr<Reader> make_reader(Format format, const CsvOptions& csv);

/// Detects a format from the file name first (.jsonl/.ndjson, .json, .csv, .tsv, .txt/.text,
/// after stripping compression suffixes such as .gz), then from the first bytes (head).
/// Returns nullopt when neither tells (binary or unknown content).
std::optional<Format> detect_format(std::string_view name, std::string_view head);

/// The delimiter of delimited text: '\t', ',' or ';' when the first few records (a record may
/// span lines inside '"' quotes) all hold the same number of it, at least one; the one with
/// the most fields wins. For "a;b;c" files named .csv, which --delimiter would otherwise need.
std::optional<char> detect_delimiter(std::string_view head);

}  // namespace morgue
