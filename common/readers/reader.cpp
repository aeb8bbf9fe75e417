#include "reader.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

#include "feed_detect.h"
#include "mail_reader.h"
#include "readers_impl.h"
#include "sgml_reader.h"
#include "warc_reader.h"
#include "xml_reader.h"
#include "../text/unicode.h"

namespace morgue {

namespace {

constexpr std::string_view kSpace = " \t\r\n\f\v";
constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Format names as --format takes them, and file extensions as archives name them.
constexpr std::array<std::pair<std::string_view, Format>, 11> kFormatNames{{
    {"jsonl", Format::jsonl},
    {"json", Format::json},
    {"csv", Format::csv},
    {"tsv", Format::tsv},
    {"text", Format::text},
    {"html", Format::html},
    {"warc", Format::warc},
    {"sgml", Format::sgml},
    {"mail", Format::mail},
    {"mbox", Format::mbox},
    {"xml", Format::xml},
}};
constexpr std::array<std::pair<std::string_view, Format>, 21> kExtensions{{
    {"jsonl", Format::jsonl},
    {"ndjson", Format::jsonl},
    {"jsonlines", Format::jsonl},
    {"json", Format::json},
    {"csv", Format::csv},
    {"tsv", Format::tsv},
    {"tab", Format::tsv},
    {"txt", Format::text},
    {"text", Format::text},
    {"html", Format::html},
    {"htm", Format::html},
    {"xhtml", Format::html},
    {"warc", Format::warc},
    {"arc", Format::warc},
    {"sgm", Format::sgml},
    {"sgml", Format::sgml},
    {"eml", Format::mail},
    {"mbox", Format::mbox},
    {"mbx", Format::mbox},
    {"xml", Format::xml},
    {"nitf", Format::xml},
}};
constexpr std::array<std::string_view, 5> kCompressionSuffixes{"gz", "bz2", "xz", "zst", "lz4"};

// How much of the head the CSV sniffing looks at: enough to see a header and a few rows.
constexpr std::size_t kSampleRecords = 5;
// A header cell is a short name ("published_at", "Article Title"), not a sentence.
constexpr std::size_t kMaxHeaderCell = 64;
constexpr std::size_t kMaxHeaderSpaces = 4;

// The extension that names the content, lower-cased: "dump.JSONL.gz" -> "jsonl".
std::string content_extension(std::string_view name) {
    const std::size_t slash = name.find_last_of("/\\");
    std::string base = text::ascii_lower(slash == std::string_view::npos ? name : name.substr(slash + 1));
    for (;;) {
        const std::size_t dot = base.rfind('.');
        if (dot == std::string::npos || dot == 0) {
            return "";
        }
        std::string ext = base.substr(dot + 1);
        if (std::find(kCompressionSuffixes.begin(), kCompressionSuffixes.end(), ext) ==
            kCompressionSuffixes.end()) {
            return ext;
        }
        base.resize(dot);
    }
}

struct ControlCounts {
    std::size_t nuls = 0;
    std::size_t others = 0;  ///< C0 controls that are not white space, and DEL
};

ControlCounts count_controls(std::string_view head) {
    ControlCounts counts;
    for (const char c : head) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0) {
            ++counts.nuls;
        } else if ((u < 0x20 && kSpace.find(c) == std::string_view::npos) || u == 0x7f) {
            ++counts.others;
        }
    }
    return counts;
}

// NUL bytes, or control characters in more than a tenth of the bytes: not something to index.
bool looks_binary(std::string_view head) {
    const ControlCounts counts = count_controls(head);
    return counts.nuls > 0 || counts.others * 10 > head.size();
}

// For a file whose name promises text: binary only when the head is plainly not text in any
// reading (NUL bytes more than one in a thousand, or control characters in a tenth of it),
// so that a stray NUL in a scraped page does not lose the file. UTF-16 with its byte order
// mark is text, however many NULs it has.
bool binary_despite_name(std::string_view head) {
    if (head.substr(0, 2) == "\xff\xfe" || head.substr(0, 2) == "\xfe\xff") {
        return false;
    }
    const ControlCounts counts = count_controls(head);
    return (counts.nuls >= 4 && counts.nuls * 1000 > head.size()) ||
           (counts.nuls + counts.others) * 10 > head.size();
}

// True when line is one JSON object and nothing after it (strings and nesting respected).
bool is_complete_object(std::string_view line) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (escaped) {
            escaped = false;
        } else if (in_string) {
            escaped = c == '\\';
            in_string = c != '"';
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return line[0] == '{' &&
                   line.find_first_not_of(kSpace, i + 1) == std::string_view::npos;
        }
    }
    return false;
}

// A first line that is a whole object, then more lines that each start with '{'.
bool looks_like_json_lines(std::string_view text) {
    const std::size_t start = text.find_first_not_of(kSpace);
    if (start == std::string_view::npos) {
        return false;
    }
    text.remove_prefix(start);
    const std::size_t first_end = text.find('\n');
    if (first_end == std::string_view::npos || !is_complete_object(text.substr(0, first_end))) {
        return false;
    }
    std::size_t objects = 0;
    std::size_t pos = first_end + 1;
    while (pos < text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        const std::size_t first = text.find_first_not_of(kSpace, pos);
        if (first < end) {
            if (text[first] != '{') {
                return false;
            }
            ++objects;
        }
        pos = end + 1;
    }
    return objects > 0;
}

// One record of delimited text: how many delimiters outside quotes, whether its line end was
// seen (the head may stop inside it), and where the next record starts.
struct RecordScan {
    std::size_t delimiters = 0;
    bool complete = false;
    bool blank = true;
    std::size_t next = 0;
};

RecordScan scan_record(std::string_view text, std::size_t pos, char delimiter) {
    RecordScan scan;
    bool in_quotes = false;
    for (; pos < text.size(); ++pos) {
        const char c = text[pos];
        if (c == '\n' && !in_quotes) {
            scan.complete = true;
            ++pos;
            break;
        }
        if (c == '"') {
            in_quotes = !in_quotes;
        } else if (c == delimiter && !in_quotes) {
            ++scan.delimiters;
        }
        scan.blank = scan.blank && kSpace.find(c) != std::string_view::npos;
    }
    scan.next = pos;
    return scan;
}

// The delimiter count shared by the first records (at least two, counting a cut-off last one
// that does not contradict them); 0 when they disagree.
std::size_t consistent_count(std::string_view text, char delimiter) {
    std::size_t expected = 0;
    std::size_t records = 0;
    for (std::size_t pos = 0; pos < text.size() && records < kSampleRecords;) {
        const RecordScan scan = scan_record(text, pos, delimiter);
        pos = scan.next;
        if (scan.blank) {
            continue;
        }
        if (records == 0) {
            expected = scan.delimiters;
        } else if (scan.complete ? scan.delimiters != expected
                                 : scan.delimiters == 0 || scan.delimiters > expected) {
            return 0;
        }
        ++records;
    }
    return records >= 2 ? expected : 0;
}

bool is_header_cell(std::string_view cell) {
    const std::size_t first = cell.find_first_not_of(kSpace);
    if (first == std::string_view::npos) {
        return false;
    }
    cell = cell.substr(first, cell.find_last_not_of(kSpace) - first + 1);
    if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') {
        cell = cell.substr(1, cell.size() - 2);
    }
    const bool has_letter = std::any_of(cell.begin(), cell.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
               static_cast<unsigned char>(c) >= 0x80;
    });
    return !cell.empty() && cell.size() <= kMaxHeaderCell && has_letter &&
           static_cast<std::size_t>(std::count(cell.begin(), cell.end(), ' ')) <= kMaxHeaderSpaces;
}

// Every cell of the first line is a short name: a header row, not a line of prose.
bool header_like(std::string_view text, char delimiter) {
    const std::string_view line = text.substr(0, text.find('\n'));
    std::size_t pos = 0;
    for (;;) {
        const std::size_t end = std::min(line.find(delimiter, pos), line.size());
        if (!is_header_cell(line.substr(pos, end - pos))) {
            return false;
        }
        if (end == line.size()) {
            return true;
        }
        pos = end + 1;
    }
}

// A record array starts "[{" (or is "[]"); "[Reuters] Moscow ..." is prose.
bool starts_json_array(std::string_view text) {
    const std::size_t next = text.find_first_not_of(kSpace, 1);
    return next == std::string_view::npos || text[next] == '{' || text[next] == ']';
}

// A page starts with a doctype, <html>, or (with the optional tags left out) <head> or <meta>,
// after any comments.
bool looks_like_html(std::string_view text) {
    while (text.substr(0, 4) == "<!--") {
        const std::size_t end = text.find("-->");
        const std::size_t next = end == std::string_view::npos
                                     ? std::string_view::npos
                                     : text.find_first_not_of(kSpace, end + 3);
        if (next == std::string_view::npos) {
            return false;
        }
        text.remove_prefix(next);
    }
    const std::string start = text::ascii_lower(text.substr(0, 15));
    for (const std::string_view tag : {"<!doctype html", "<html", "<head", "<meta"}) {
        if (start.rfind(tag, 0) == 0 && (start.size() == tag.size() ||
                                         std::string_view(" \t\r\n>/").find(start[tag.size()]) !=
                                             std::string_view::npos)) {
            return true;
        }
    }
    return false;
}

std::optional<Format> detect_from_content(std::string_view head) {
    if (looks_binary(head)) {
        return std::nullopt;
    }
    std::string_view text = strip_bom(head);
    const std::size_t first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) {
        return Format::text;
    }
    text.remove_prefix(first);
    if (looks_like_html(text)) {
        return Format::html;
    }
    if (const std::optional<Format> feed = detect_feed_format(strip_bom(head))) {
        return *feed;
    }
    if (text[0] == '[' && starts_json_array(text)) {
        return Format::json;
    }
    if (text[0] == '{') {
        return looks_like_json_lines(text) ? Format::jsonl : Format::json;
    }
    const std::optional<char> delimiter = detect_delimiter(text);
    if (delimiter && header_like(text, *delimiter)) {
        return *delimiter == '\t' ? Format::tsv : Format::csv;
    }
    return Format::text;
}

}  // namespace

std::optional<Format> format_from_name(std::string_view name) {
    for (const auto& [known, format] : kFormatNames) {
        if (known == name) {
            return format;
        }
    }
    return std::nullopt;
}

std::string_view format_name(Format format) {
    for (const auto& [name, known] : kFormatNames) {
        if (known == format) {
            return name;
        }
    }
    return "auto";
}

std::unique_ptr<Reader> make_reader(Format format, const CsvOptions& csv) {
    switch (format) {
        case Format::jsonl:
            return std::make_unique<JsonlReader>();
        case Format::json:
            return std::make_unique<JsonReader>();
        case Format::csv:
        case Format::tsv:
            return std::make_unique<CsvReader>(format, csv);
        case Format::text:
            return std::make_unique<TextReader>();
        case Format::automatic:
            break;
        // Readers of these formats are being added one file each (html, warc, sgml, mail,
        // mbox, xml); each replaces its line here.
        case Format::html:
            return std::make_unique<HtmlReader>();
        case Format::warc:
            return std::make_unique<WarcReader>(html_to_record);
        case Format::sgml:
            return std::make_unique<NewswireReader>();
        case Format::mail:
            return std::make_unique<MailReader>();
        case Format::mbox:
            return std::make_unique<MboxReader>();
        case Format::xml:
            return std::make_unique<XmlReader>();
    }
    throw std::invalid_argument("make_reader: detect the format of an input before reading it");
}

std::optional<Format> detect_format(std::string_view name, std::string_view head) {
    const std::string ext = content_extension(name);
    for (const auto& [known, format] : kExtensions) {
        if (known == ext) {
            // WARC files hold gzip members of their own; other formats are text.
            if (format != Format::warc && binary_despite_name(head)) {
                return std::nullopt;
            }
            // Many dumps called .json are really JSON Lines.
            if (format == Format::json && looks_like_json_lines(strip_bom(head))) {
                return Format::jsonl;
            }
            return format;
        }
    }
    return detect_from_content(head);
}

std::optional<char> detect_delimiter(std::string_view head) {
    head = strip_bom(head);
    std::optional<char> best;
    std::size_t best_count = 0;
    for (const char delimiter : {'\t', ',', ';'}) {
        const std::size_t count = consistent_count(head, delimiter);
        if (count > best_count) {
            best = delimiter;
            best_count = count;
        }
    }
    return best;
}

Diagnostic input_warning(const InputInfo& info, std::size_t line, std::string message,
                         std::string reason) {
    return Diagnostic{Severity::warning, Origin{info.display_path, line}, std::move(message),
                      std::move(reason)};
}

std::string size_text(std::size_t bytes) {
    constexpr std::array<std::pair<std::size_t, std::string_view>, 3> kUnits{{
        {std::size_t{1} << 30, " GiB"},
        {std::size_t{1} << 20, " MiB"},
        {std::size_t{1} << 10, " KiB"},
    }};
    for (const auto& [unit, suffix] : kUnits) {
        if (bytes >= unit && bytes % unit == 0) {
            return std::to_string(bytes / unit) + std::string(suffix);
        }
    }
    return std::to_string(bytes) + " bytes";
}

std::string_view strip_bom(std::string_view s) {
    return s.substr(0, kBom.size()) == kBom ? s.substr(kBom.size()) : s;
}

bool is_blank(std::string_view s) { return s.find_first_not_of(kSpace) == std::string_view::npos; }

}  // namespace morgue
