#include <ostream>
#include <string>
#include <vector>

#include "../dates.h"
#include "formatters.h"
#include "json_writer.h"

namespace morgue {

namespace {

constexpr std::size_t kLineWidth = 100;
constexpr std::string_view kIndent = "    ";

/// One character as the terminal shows it.
struct Cell {
    std::string_view text;  ///< its UTF-8 bytes, or " " for a space or control character
    std::size_t width;      ///< columns it takes
    bool match;             ///< inside a highlighted match
    bool space;             ///< a place where a line may break
};

struct CodePoint {
    char32_t value;
    std::size_t length;
};

/// The code point at s[i]; s must be valid UTF-8.
CodePoint decode(std::string_view s, std::size_t i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    auto value = static_cast<char32_t>(length == 1 ? lead : lead & (0x7F >> length));
    for (std::size_t k = 1; k < length; ++k) {
        value = (value << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    return {value, length};
}

/// Columns a code point takes: East Asian wide characters two, combining marks and zero-width
/// characters none; enough to keep CJK snippets inside the line width.
std::size_t display_width(char32_t c) {
    if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F)) {
        return 0;
    }
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
                      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                      (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
                      (c >= 0x20000 && c <= 0x3FFFD);
    return wide ? 2 : 1;
}

/// Appends the cells of valid UTF-8 text. Control characters (C0, DEL, C1) become spaces: text
/// from a dump must not move the cursor or change colours.
void append_cells(std::vector<Cell>& cells, std::string_view text, bool match) {
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint cp = decode(text, i);
        const bool control = cp.value < 0x20 || (cp.value >= 0x7F && cp.value <= 0x9F);
        if (control || cp.value == ' ') {
            cells.push_back({" ", 1, match, true});
        } else {
            cells.push_back({text.substr(i, cp.length), display_width(cp.value), match, false});
        }
        i += cp.length;
    }
}

/// A field made safe to print: valid UTF-8 without control characters.
std::string terminal_safe(std::string_view text) {
    const std::string valid = to_valid_utf8(text);
    std::vector<Cell> cells;
    append_cells(cells, valid, false);
    std::string out;
    for (const Cell& cell : cells) {
        out += cell.text;
    }
    return out;
}

/// Greedy word wrap: runs of spaces become one space or a line break; a word wider than a line
/// is broken where the line is full (CJK text has no spaces to break at).
std::vector<std::vector<Cell>> wrap(const std::vector<Cell>& cells, std::size_t width) {
    std::vector<std::vector<Cell>> lines(1);
    std::size_t used = 0;
    for (std::size_t i = 0; i < cells.size();) {
        if (cells[i].space) {
            ++i;
            continue;
        }
        std::size_t end = i;
        std::size_t word_width = 0;
        for (; end < cells.size() && !cells[end].space; ++end) {
            word_width += cells[end].width;
        }
        if (used > 0 && used + 1 + word_width > width) {
            lines.emplace_back();
            used = 0;
        }
        if (used > 0) {
            lines.back().push_back(cells[i - 1]);  // the space before the word keeps its flag
            used += 1;
        }
        for (; i < end; ++i) {
            if (used > 0 && used + cells[i].width > width) {
                lines.emplace_back();
                used = 0;
            }
            lines.back().push_back(cells[i]);
            used += cells[i].width;
        }
    }
    return lines;
}

/// One indented snippet line, with matches in bold reverse video when highlight is set.
std::string render_line(const std::vector<Cell>& line, bool highlight) {
    std::string out(kIndent);
    bool in_match = false;
    for (const Cell& cell : line) {
        if (highlight && cell.match != in_match) {
            out += cell.match ? kAnsiMatch : kAnsiReset;
            in_match = cell.match;
        }
        out += cell.text;
    }
    if (in_match) {
        out += kAnsiReset;
    }
    return out;
}

/// "3 results", "About 412 results, showing 11-20", "No results.", "5 results, none at offset 10.".
std::string count_line(const SearchResults& results) {
    const std::size_t total = results.total_estimate;
    if (results.hits.empty() && total == 0) {
        return "No results.";
    }
    std::string line = results.total_exact ? "" : "About ";
    line += std::to_string(total) + (total == 1 ? " result" : " results");
    if (results.hits.empty() && results.offset > 0) {
        return line + ", none at offset " + std::to_string(results.offset) + ".";
    }
    if (results.hits.empty()) {
        return line;
    }
    if (results.offset > 0 || results.hits.size() < total) {
        line += ", showing " + std::to_string(results.hits.front().rank) + "-" +
                std::to_string(results.hits.back().rank);
    }
    return line;
}

/// "2022-02-21 · reuters · https://...": the date, the source and where to find the article.
std::string detail_line(const Hit& hit) {
    std::string line = hit.date ? dates::format_iso(*hit.date).substr(0, 10) : "undated";
    if (!hit.source.empty()) {
        line += " · " + hit.source;
    }
    line += " · " + (hit.url.empty() ? hit.id : hit.url);
    return terminal_safe(line);
}

/// "+ 3 copies (reuters, bbc.co.uk)".
std::string copies_line(const Hit::Copies& copies) {
    std::size_t n = copies.ids.size();
    std::string line = "+ " + std::to_string(n) + (n == 1 ? " copy" : " copies");
    for (std::size_t i = 0; i < copies.sources.size(); ++i) {
        line += (i ? ", " : " (") + copies.sources[i];
    }
    return terminal_safe(copies.sources.empty() ? line : line + ")");
}

/// "people: Vladimir Putin, Joe Biden · places: Ukraine": the first few entities of each type,
/// or "" when the article has none.
std::string entity_line(const Hit& hit) {
    constexpr std::size_t kShown = 4;
    const std::pair<EntityType, const char*> kinds[] = {{EntityType::person, "people"},
                                                        {EntityType::organisation, "orgs"},
                                                        {EntityType::location, "places"}};
    std::string line;
    for (const auto& [type, label] : kinds) {
        std::string names;
        std::size_t count = 0;
        for (const Entity& entity : hit.entities) {
            if (entity.type == type && ++count <= kShown) {
                names += (names.empty() ? "" : ", ") + entity.name;
            }
        }
        if (count > kShown) {
            names += " +" + std::to_string(count - kShown);
        }
        if (count > 0) {
            line += (line.empty() ? "" : " · ") + std::string(label) + ": " + names;
        }
    }
    return terminal_safe(line);
}

}  // namespace

TextFormatter::TextFormatter(const OutputOptions& options)
    : color_(options.color),
      highlight_matches_(options.color || options.highlight == Highlight::ansi) {}

void TextFormatter::write(const SearchResults& results, std::ostream& out) {
    out << count_line(results) << '\n';
    if (!results.suggestion.empty()) {
        out << "Did you mean: " << terminal_safe(results.suggestion) << '\n';
    }
    for (const Hit& hit : results.hits) {
        out << '\n';
        write_hit(hit, out);
    }
    write_facets_text(results.facets, out);
    write_histogram_text(results, out);
}

void TextFormatter::write_hit(const Hit& hit, std::ostream& out) const {
    const std::string title = hit.title.empty() ? "(untitled)" : terminal_safe(hit.title);
    out << hit.rank << ". " << (color_ ? kAnsiBold : "") << title << (color_ ? kAnsiReset : "")
        << '\n';
    out << kIndent << (color_ ? kAnsiDim : "") << detail_line(hit) << (color_ ? kAnsiReset : "")
        << '\n';
    std::vector<Cell> cells;
    const std::vector<SnippetPart> parts = split_snippet(to_valid_utf8(hit.snippet));
    for (const SnippetPart& part : parts) {
        append_cells(cells, part.text, part.match);
    }
    for (const std::vector<Cell>& line : wrap(cells, kLineWidth - kIndent.size())) {
        if (!line.empty()) {
            out << render_line(line, highlight_matches_) << '\n';
        }
    }
    if (hit.copies && !hit.copies->ids.empty()) {
        out << kIndent << (color_ ? kAnsiDim : "") << copies_line(*hit.copies)
            << (color_ ? kAnsiReset : "") << '\n';
    }
    const std::string entities = entity_line(hit);
    if (!entities.empty()) {
        out << kIndent << (color_ ? kAnsiDim : "") << entities << (color_ ? kAnsiReset : "")
            << '\n';
    }
}

}  // namespace morgue
