#include "authors.h"

#include <algorithm>
#include <array>
#include <utility>

#include "../text/unicode.h"

namespace morgue::html {

namespace {

// Lower-case prefixes that introduce names, each followed by a space or a colon.
constexpr std::array<std::string_view, 10> kPrefixes = {
    "written by", "posted by", "reported by", "story by", "words by",
    "by",         "von",       "par",         "por",      "door",
};
// Lower-case separators between names: English, German, French, Spanish, Italian/Portuguese.
constexpr std::array<std::string_view, 7> kSeparators = {
    " and ", " & ", ";", " und ", " et ", " y ", " e ",
};
constexpr std::string_view kEdgePunctuation = " ,;:|-";


std::string_view trim_punctuation(std::string_view s) {
    const std::size_t first = s.find_first_not_of(kEdgePunctuation);
    if (first == std::string_view::npos) {
        return {};
    }
    return text::trim(s.substr(first, s.find_last_not_of(kEdgePunctuation) - first + 1));
}

std::string_view strip_prefix(std::string_view s) {
    const std::string lowered = text::ascii_lower(s);
    for (const std::string_view prefix : kPrefixes) {
        if (lowered.size() > prefix.size() && lowered.compare(0, prefix.size(), prefix) == 0 &&
            (lowered[prefix.size()] == ' ' || lowered[prefix.size()] == ':')) {
            return trim_punctuation(s.substr(prefix.size()));
        }
    }
    return s;
}

bool is_address(std::string_view s) {
    const std::string lowered = text::ascii_lower(s);
    return lowered.find("://") != std::string::npos || lowered.rfind("www.", 0) == 0 ||
           lowered.find('@') != std::string::npos;
}

std::vector<std::string_view> split_at_separators(std::string_view s) {
    const std::string lowered = text::ascii_lower(s);
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t pos = 0; pos < lowered.size(); ++pos) {
        for (const std::string_view separator : kSeparators) {
            if (lowered.compare(pos, separator.size(), separator) == 0) {
                parts.push_back(s.substr(start, pos - start));
                start = pos + separator.size();
                pos = start - 1;
                break;
            }
        }
    }
    parts.push_back(s.substr(start));
    return parts;
}

std::size_t word_count(std::string_view s) {
    const std::string collapsed = text::collapse_space(s);
    return collapsed.empty() ? 0 : 1 + std::count(collapsed.begin(), collapsed.end(), ' ');
}

// "Stella Kim, Jennifer Jett" is two people; "Doe, John" and "Jong, Michiel de" are one.
std::vector<std::string_view> split_at_commas(std::string_view s) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t comma = s.find(','); comma != std::string_view::npos;
         comma = s.find(',', start)) {
        parts.push_back(s.substr(start, comma - start));
        start = comma + 1;
    }
    parts.push_back(s.substr(start));
    const bool all_names = std::all_of(parts.begin(), parts.end(), [](std::string_view part) {
        return word_count(part) >= 2 || trim_punctuation(part).empty();
    });
    return all_names ? parts : std::vector<std::string_view>{s};
}

// "Bradley M. Kuhn (http://ebb.org/bkuhn/)", "Jane Doe <jane@example.org>": the address is
// not part of the name.
std::string without_addresses(std::string_view byline) {
    std::string out(byline);
    for (const auto& [open, close] : {std::pair{'(', ')'}, std::pair{'<', '>'}}) {
        for (std::size_t start = out.find(open); start != std::string::npos;) {
            const std::size_t end = out.find(close, start);
            if (end == std::string::npos) {
                break;
            }
            if (is_address(std::string_view(out).substr(start + 1, end - start - 1))) {
                out.erase(start, end - start + 1);
                start = out.find(open, start);
            } else {
                start = out.find(open, end);
            }
        }
    }
    return out;
}

}  // namespace

std::vector<std::string> split_byline(std::string_view byline) {
    const std::string collapsed = text::collapse_space(without_addresses(byline));
    const std::string_view names = strip_prefix(trim_punctuation(collapsed));
    if (names.empty() || names.size() > kMaxBylineLength || is_address(names)) {
        return {};
    }
    std::vector<std::string> out;
    for (const std::string_view group : split_at_separators(names)) {
        for (const std::string_view part : split_at_commas(group)) {
            const std::string_view name = strip_prefix(trim_punctuation(part));
            if (!name.empty()) {
                add_names(out, {std::string(name)});
            }
        }
    }
    return out;
}

void add_names(std::vector<std::string>& names, const std::vector<std::string>& more) {
    for (const std::string& name : more) {
        if (std::find(names.begin(), names.end(), name) == names.end()) {
            names.push_back(name);
        }
    }
}

}  // namespace morgue::html
