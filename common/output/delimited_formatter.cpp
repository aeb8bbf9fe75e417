#include <array>
#include <ostream>
#include <string>
#include <vector>

#include "formatters.h"
#include "json_writer.h"

namespace morgue {

namespace {

constexpr std::array<std::string_view, 10> kColumns{
    "rank", "id", "score", "date", "source", "title", "url", "lang", "authors", "snippet"};

std::string join(const std::vector<std::string>& values, std::string_view separator) {
    std::string joined;
    for (const std::string& value : values) {
        if (!joined.empty()) {
            joined += separator;
        }
        joined += value;
    }
    return joined;
}

/// The cells of one row, in kColumns order, before quoting.
std::vector<std::string> row(const Hit& hit, SortOrder sort) {
    return {
        std::to_string(hit.rank),
        hit.id,
        sort == SortOrder::relevance ? format_double(hit.score) : std::string(),
        iso_date_or_empty(hit.date),
        hit.source,
        hit.title,
        hit.url,
        hit.lang,
        join(hit.authors, "; "),
        render_snippet(hit.snippet, Highlight::none),
    };
}

}  // namespace

DelimitedFormatter::DelimitedFormatter(char delimiter) : delimiter_(delimiter) {}

void DelimitedFormatter::write(const SearchResults& results, std::ostream& out) {
    write_row(std::vector<std::string>(kColumns.begin(), kColumns.end()), out);
    for (const Hit& hit : results.hits) {
        write_row(row(hit, results.sort), out);
    }
}

void DelimitedFormatter::write_row(const std::vector<std::string>& cells, std::ostream& out) const {
    std::string line;
    for (const std::string& cell : cells) {
        if (&cell != &cells.front()) {
            line += delimiter_;
        }
        line += field(cell);
    }
    line += '\n';
    out << line;
}

std::string DelimitedFormatter::field(std::string_view value) const {
    std::string text = to_valid_utf8(value);
    if (delimiter_ == '\t') {
        for (char& c : text) {
            c = (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
        }
        return text;
    }
    const char needs_quotes[] = {delimiter_, '"', '\r', '\n', '\0'};
    if (text.find_first_of(needs_quotes) == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    quoted += '"';
    return quoted;
}

}  // namespace morgue
