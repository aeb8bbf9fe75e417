#include "title.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "../text/unicode.h"

namespace morgue::html {

namespace {

// What sites put between a headline and their name, spaces included so that "e-mail" and
// "24/7" inside a headline stay whole.
constexpr std::array<std::string_view, 15> kSeparators = {
    " | ",
    " - ",
    " \xE2\x80\x93 ",
    " \xE2\x80\x94 ",
    " \xC2\xB7 ",
    " :: ",
    " \xC2\xBB ",
    " \xC2\xAB ",
    " / ",
    " \xE2\x80\xA2 ",
    " ~ ",
    " \\ ",
    " > ",
    " : ",
    "\xEF\xBD\x9C",
};
// Chinese and Japanese titles join their parts with a bare "_".
constexpr std::string_view kCjkSeparator = "_";
// Second-level labels under which a registrable name sits one level further down
// ("bbc.co.uk" -> "bbc").
constexpr std::array<std::string_view, 7> kSecondLevels = {"co",  "com", "org", "net",
                                                           "gov", "ac",  "edu"};
// Containment counts as naming the site only for names this long: "AP" is inside too much.
constexpr std::size_t kMinContainedKey = 4;

// A part of a title: where it starts and ends in the title.
struct Part {
    std::size_t begin;
    std::size_t end;
};

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Letters and digits only, ASCII lower-cased: the part of a name that identifies it.
std::string key(std::string_view s) {
    std::string out;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || (c >= '0' && c <= '9') || (lower(c) >= 'a' && lower(c) <= 'z')) {
            out += lower(c);
        }
    }
    return out;
}

bool contains_key(const std::string& a, const std::string& b) {
    return !a.empty() && !b.empty() &&
           (a == b || (std::min(a.size(), b.size()) >= kMinContainedKey &&
                       (a.find(b) != std::string::npos || b.find(a) != std::string::npos)));
}

// "www.nbcnews.com" -> "nbcnews", "news.bbc.co.uk" -> "bbc".
std::string host_label(std::string_view host) {
    std::vector<std::string_view> labels;
    for (std::size_t start = 0; start <= host.size();) {
        const std::size_t dot = std::min(host.find('.', start), host.size());
        labels.push_back(host.substr(start, dot - start));
        start = dot + 1;
    }
    if (labels.size() < 2) {
        return std::string(host);
    }
    labels.pop_back();
    if (labels.size() >= 2 && std::find(kSecondLevels.begin(), kSecondLevels.end(),
                                        labels.back()) != kSecondLevels.end()) {
        labels.pop_back();
    }
    return std::string(labels.back());
}

std::vector<Part> split(std::string_view title) {
    std::vector<std::string_view> separators(kSeparators.begin(), kSeparators.end());
    const bool has_non_ascii = std::any_of(title.begin(), title.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0x80) != 0;
    });
    if (has_non_ascii && title.find(' ') == std::string_view::npos) {
        separators.push_back(kCjkSeparator);
    }
    std::vector<Part> parts;
    std::size_t start = 0;
    for (std::size_t pos = 0; pos < title.size(); ++pos) {
        for (const std::string_view separator : separators) {
            if (title.compare(pos, separator.size(), separator) == 0) {
                parts.push_back({start, pos});
                start = pos + separator.size();
                pos = start - 1;
                break;
            }
        }
    }
    parts.push_back({start, title.size()});
    return parts;
}

std::string_view span(std::string_view title, const Part& first, const Part& last) {
    return text::trim(title.substr(first.begin, last.end - first.begin));
}

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (const char c : std::string(text) + " ") {
        const bool word_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                               (c >= '0' && c <= '9') || c == '_' ||
                               (static_cast<unsigned char>(c) & 0x80) != 0;
        if (word_char) {
            word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else if (!word.empty()) {
            out.push_back(std::move(word));
            word.clear();
        }
    }
    return out;
}

}  // namespace

double title_similarity(std::string_view a, std::string_view b) {
    const std::vector<std::string> words_a = words(a);
    const std::vector<std::string> words_b = words(b);
    if (words_a.empty() || words_b.empty()) {
        return 0.0;
    }
    std::size_t total = 0;
    std::size_t unique = 0;
    for (const std::string& word : words_b) {
        total += word.size() + 1;
        if (std::find(words_a.begin(), words_a.end(), word) == words_a.end()) {
            unique += word.size() + 1;
        }
    }
    return 1.0 - static_cast<double>(unique) / static_cast<double>(total);
}

bool names_site(std::string_view part, std::string_view site_name, std::string_view host) {
    const std::string part_key = key(part);
    if (part_key.empty()) {
        return false;
    }
    if (contains_key(part_key, key(site_name))) {
        return true;
    }
    return !host.empty() &&
           (part_key == key(host) || contains_key(part_key, key(host_label(host))));
}

std::string headline_from_title(std::string_view title, std::string_view site_name,
                                std::string_view host) {
    const std::string collapsed = text::collapse_space(title);
    const std::vector<Part> parts = split(collapsed);
    if (parts.size() < 2) {
        return collapsed;
    }
    std::size_t first = 0;
    std::size_t last = parts.size() - 1;
    const auto is_site = [&](const Part& part) {
        return names_site(span(collapsed, part, part), site_name, host);
    };
    while (last > first && is_site(parts[last])) {
        --last;
    }
    while (first < last && is_site(parts[first])) {
        ++first;
    }
    return std::string(span(collapsed, parts[first], parts[last]));
}

}  // namespace morgue::html
