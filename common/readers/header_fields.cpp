#include "header_fields.h"
#include "../text/unicode.h"

#include <algorithm>

namespace morgue {

namespace {

constexpr std::string_view kSpace = " \t\r\n\f\v";

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// The next line of block from pos, without its "\n" or "\r\n"; pos moves past it.
std::string_view next_line(std::string_view block, std::size_t& pos) {
    const std::size_t end = std::min(block.find('\n', pos), block.size());
    std::string_view line = block.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
    }
    return line;
}

// A parameter value from pos: a quoted string (backslash escapes) or a token up to ';'. pos
// moves past it.
std::string parameter_value(std::string_view value, std::size_t& pos) {
    while (pos < value.size() && (value[pos] == ' ' || value[pos] == '\t')) {
        ++pos;
    }
    std::string out;
    if (pos < value.size() && value[pos] == '"') {
        for (++pos; pos < value.size() && value[pos] != '"'; ++pos) {
            if (value[pos] == '\\' && pos + 1 < value.size()) {
                ++pos;
            }
            out += value[pos];
        }
        ++pos;
        return out;
    }
    const std::size_t end = std::min(value.find(';', pos), value.size());
    out = std::string(text::trim_ascii(value.substr(pos, end - pos)));
    pos = end;
    return out;
}

}  // namespace

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return lower(x) == lower(y); });
}

bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}



bool is_header_line(std::string_view line) {
    const std::size_t colon = line.find(':');
    if (colon == 0 || colon == std::string_view::npos) {
        return false;
    }
    return std::all_of(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(colon),
                       [](char c) { return c > ' ' && c < 0x7f; });
}

HeaderFields parse_headers(std::string_view block) {
    HeaderFields fields;
    bool continuable = false;  // a continuation line belongs to the field just read
    for (std::size_t pos = 0; pos < block.size();) {
        const std::string_view line = next_line(block, pos);
        if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
            const std::string_view more = text::trim_ascii(line);
            if (continuable && !more.empty()) {
                std::string& value = fields.back().value;
                value += value.empty() ? "" : " ";
                value += more;
            }
            continue;
        }
        continuable = is_header_line(line);
        if (continuable) {
            const std::size_t colon = line.find(':');
            fields.push_back(HeaderField{std::string(line.substr(0, colon)),
                                         std::string(text::trim_ascii(line.substr(colon + 1)))});
        }
    }
    return fields;
}

std::string_view header_value(const HeaderFields& fields, std::string_view name) {
    for (const HeaderField& field : fields) {
        if (iequals(field.name, name)) {
            return field.value;
        }
    }
    return {};
}

bool has_header(const HeaderFields& fields, std::string_view name) {
    return std::any_of(fields.begin(), fields.end(),
                       [&](const HeaderField& field) { return iequals(field.name, name); });
}

std::string media_type(std::string_view content_type) {
    return text::ascii_lower(text::trim_ascii(content_type.substr(0, content_type.find(';'))));
}

std::string header_parameter(std::string_view value, std::string_view name) {
    std::size_t pos = value.find(';');
    while (pos < value.size()) {
        const std::size_t equals = value.find('=', pos + 1);
        if (equals == std::string_view::npos) {
            break;
        }
        const bool wanted = iequals(text::trim_ascii(value.substr(pos + 1, equals - pos - 1)), name);
        pos = equals + 1;
        std::string parameter = parameter_value(value, pos);
        if (wanted) {
            return parameter;
        }
        pos = value.find(';', pos);
    }
    return {};
}

}  // namespace morgue
