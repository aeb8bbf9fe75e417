#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace morgue::entities {

/// Calls visit(line) for each line of a data/entities list, skipping blank lines and the
/// '#' provenance comment.
template <class Visit>
void for_each_entry(std::string_view content, Visit&& visit) {
    while (!content.empty()) {
        const std::size_t end = std::min(content.find('\n'), content.size());
        const std::string_view line = content.substr(0, end);
        if (!line.empty() && line.front() != '#') {
            visit(line);
        }
        content.remove_prefix(std::min(end + 1, content.size()));
    }
}

/// Field n (from 0) of a tab-separated line, empty when absent.
inline std::string_view field(std::string_view line, std::size_t n) {
    for (; n > 0; --n) {
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos) {
            return {};
        }
        line.remove_prefix(tab + 1);
    }
    return line.substr(0, line.find('\t'));
}

/// Calls visit(name) for each name of a '|'-separated field.
template <class Visit>
void for_each_variant(std::string_view names, Visit&& visit) {
    while (!names.empty()) {
        const std::size_t bar = std::min(names.find('|'), names.size());
        if (bar > 0) {
            visit(names.substr(0, bar));
        }
        names.remove_prefix(std::min(bar + 1, names.size()));
    }
}

}  // namespace morgue::entities
