#include "formatter.h"

#include <array>
#include <utility>

#include "../dates.h"
#include "formatters.h"

namespace morgue {

namespace {

constexpr std::array<std::pair<std::string_view, OutputFormat>, 6> kFormatNames{{
    {"text", OutputFormat::text},
    {"json", OutputFormat::json},
    {"jsonl", OutputFormat::jsonl},
    {"csv", OutputFormat::csv},
    {"tsv", OutputFormat::tsv},
    {"ids", OutputFormat::ids},
}};

constexpr std::array<std::pair<std::string_view, Highlight>, 3> kHighlightNames{{
    {"none", Highlight::none},
    {"html", Highlight::html},
    {"ansi", Highlight::ansi},
}};

template <typename Value, std::size_t N>
std::optional<Value> find_name(const std::array<std::pair<std::string_view, Value>, N>& table,
                               std::string_view name) {
    for (const auto& [entry_name, value] : table) {
        if (entry_name == name) {
            return value;
        }
    }
    return std::nullopt;
}

void append_part(std::vector<SnippetPart>& parts, std::string_view text, bool match) {
    if (text.empty()) {
        return;
    }
    if (!parts.empty() && parts.back().match == match) {
        parts.back().text += text;
    } else {
        parts.push_back({std::string(text), match});
    }
}

void append_html_escaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c; break;
        }
    }
}

}  // namespace

std::optional<OutputFormat> output_format_from_name(std::string_view name) {
    return find_name(kFormatNames, name);
}

std::optional<Highlight> highlight_from_name(std::string_view name) {
    return find_name(kHighlightNames, name);
}

std::unique_ptr<Formatter> make_formatter(OutputFormat format, const OutputOptions& options) {
    switch (format) {
    case OutputFormat::text: return std::make_unique<TextFormatter>(options);
    case OutputFormat::json: return std::make_unique<JsonFormatter>(false, options.highlight);
    case OutputFormat::jsonl: return std::make_unique<JsonFormatter>(true, options.highlight);
    case OutputFormat::csv: return std::make_unique<DelimitedFormatter>(',', options.fields);
    case OutputFormat::tsv: return std::make_unique<DelimitedFormatter>('\t', options.fields);
    case OutputFormat::ids: return std::make_unique<IdsFormatter>();
    }
    return std::make_unique<TextFormatter>(options);
}

std::vector<SnippetPart> split_snippet(std::string_view snippet) {
    std::vector<SnippetPart> parts;
    bool in_match = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= snippet.size(); ++i) {
        const bool at_end = i == snippet.size();
        if (!at_end && snippet[i] != kMarkStart && snippet[i] != kMarkEnd) {
            continue;
        }
        append_part(parts, snippet.substr(start, i - start), in_match);
        start = i + 1;
        if (!at_end) {
            in_match = snippet[i] == kMarkStart;
        }
    }
    return parts;
}

std::string render_snippet(std::string_view snippet, Highlight highlight) {
    std::string out;
    out.reserve(snippet.size() + 16);
    for (const SnippetPart& part : split_snippet(snippet)) {
        if (highlight == Highlight::html) {
            out += part.match ? "<b>" : "";
            append_html_escaped(out, part.text);
            out += part.match ? "</b>" : "";
        } else if (highlight == Highlight::ansi && part.match) {
            out += kAnsiMatch;
            out += part.text;
            out += kAnsiReset;
        } else {
            out += part.text;
        }
    }
    return out;
}

std::string iso_date_or_empty(const std::optional<std::int64_t>& date) {
    return date ? dates::format_iso(*date) : std::string();
}

}  // namespace morgue
