#include <algorithm>
#include <array>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "formatters.h"
#include "json_writer.h"

namespace morgue {

namespace {

/// The columns printed when --fields is not given.
constexpr std::array<std::string_view, 10> kDefaultColumns{
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

std::string entity_names(const Hit& hit, EntityType type) {
    std::vector<std::string> names;
    for (const Entity& entity : hit.entities) {
        if (entity.type == type) {
            names.push_back(entity.name);
        }
    }
    return join(names, "; ");
}

/// One cell of a hit, before quoting; column is one of kDelimitedColumns.
std::string cell(const Hit& hit, std::string_view column, SortOrder sort) {
    if (column == "rank") return std::to_string(hit.rank);
    if (column == "id") return hit.id;
    if (column == "score") return sort == SortOrder::relevance ? format_double(hit.score) : "";
    if (column == "date") return iso_date_or_empty(hit.date);
    if (column == "source") return hit.source;
    if (column == "title") return hit.title;
    if (column == "url") return hit.url;
    if (column == "lang") return hit.lang;
    if (column == "authors") return join(hit.authors, "; ");
    if (column == "snippet") return render_snippet(hit.snippet, Highlight::none);
    if (column == "topics") return join(hit.topics, "; ");
    if (column == "tags") return join(hit.tags, "; ");
    if (column == "people") return entity_names(hit, EntityType::person);
    if (column == "orgs") return entity_names(hit, EntityType::organisation);
    if (column == "places") return entity_names(hit, EntityType::location);
    return hit.copies ? std::to_string(hit.copies->ids.size()) : "";  // "copies"
}

}  // namespace

DelimitedFormatter::DelimitedFormatter(char delimiter, std::vector<std::string> columns)
    : delimiter_(delimiter), columns_(std::move(columns)) {
    if (columns_.empty()) {
        columns_.assign(kDefaultColumns.begin(), kDefaultColumns.end());
    }
}

void DelimitedFormatter::write(const SearchResults& results, std::ostream& out) {
    write_row(columns_, out);
    for (const Hit& hit : results.hits) {
        std::vector<std::string> cells;
        for (const std::string& column : columns_) {
            cells.push_back(cell(hit, column, results.sort));
        }
        write_row(cells, out);
    }
}

std::optional<std::vector<std::string>> parse_field_list(std::string_view text,
                                                         std::string* error) {
    std::vector<std::string> columns;
    while (!text.empty()) {
        std::size_t comma = text.find(',');
        std::string_view name = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
        if (std::find(kDelimitedColumns.begin(), kDelimitedColumns.end(), name) ==
            kDelimitedColumns.end()) {
            std::string known;
            for (std::string_view column : kDelimitedColumns) {
                known += (known.empty() ? "" : ",") + std::string(column);
            }
            *error = "'" + std::string(name) + "' is not a column (columns: " + known + ")";
            return std::nullopt;
        }
        columns.emplace_back(name);
    }
    return columns;
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
