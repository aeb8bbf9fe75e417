#include "hints.h"

#include <algorithm>
#include <array>

#include "../text/unicode.h"

namespace morgue::html {

namespace {

// Readability's unlikelyCandidates, then (from "cookie") the furniture of news sites.
constexpr std::array<std::string_view, 45> kUnlikely = {
    "-ad-",         "ai2html",      "banner",      "breadcrumbs", "combx",    "comment",
    "community",    "cover-wrap",   "disqus",      "extra",       "footer",   "gdpr",
    "header",       "legends",      "menu",        "related",     "remark",   "replies",
    "rss",          "shoutbox",     "sidebar",     "skyscraper",  "social",   "sponsor",
    "supplemental", "ad-break",     "agegate",     "pagination",  "pager",    "popup",
    "yom-remote",   "cookie",       "consent",     "newsletter",  "outbrain", "taboola",
    "recirc",       "most-popular", "mostpopular", "most-read",   "trending", "paywall-promo",
    "ad-slot",      "adslot",       "advert",
};
constexpr std::array<std::string_view, 7> kMaybeContent = {
    "and", "article", "body", "column", "content", "main", "shadow",
};
constexpr std::array<std::string_view, 13> kPositive = {
    "article", "body",       "content", "entry", "hentry", "h-entry", "main",
    "page",    "pagination", "post",    "text",  "blog",   "story",
};
// Readability's negative names, then (from "cookie") those of news furniture.
constexpr std::array<std::string_view, 33> kNegative = {
    "-ad-",       "hidden",  "banner",   "combx",     "comment",  "com-",     "contact",
    "foot",       "footer",  "footnote", "gdpr",      "masthead", "media",    "meta",
    "outbrain",   "promo",   "related",  "scroll",    "share",    "shoutbox", "sidebar",
    "skyscraper", "sponsor", "shopping", "tags",      "widget",   "cookie",   "consent",
    "newsletter", "taboola", "recirc",   "subscribe", "signup",
};
constexpr std::array<std::string_view, 5> kByline = {
    "byline", "author", "dateline", "writtenby", "p-author",
};
constexpr std::array<std::string_view, 7> kUnlikelyRoles = {
    "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog",
};
// Whole texts that label an advertisement or a loading placeholder, ASCII lower-cased (the
// Cyrillic ones in both cases, since only ASCII is lower-cased before comparing).
constexpr std::array<std::string_view, 20> kAdOrLoading = {
    "ad",        "advertising", "advertisement", "pub",        "werb",       "werbung",
    "anzeige",   "anuncio",     "loading",       "loading...", "chargement", "cargando",
    "publicité",  // French
    "广告",       // Chinese: advertisement
    "реклама",    // Russian: advertisement
    "Реклама",   "loading…",
    "正在加载",  // Chinese: loading
    "загрузка",  // Russian: loading
    "Загрузка",
};

template <std::size_t N>
bool contains_any(std::string_view haystack, const std::array<std::string_view, N>& needles) {
    return std::any_of(needles.begin(), needles.end(), [&](std::string_view needle) {
        return haystack.find(needle) != std::string_view::npos;
    });
}

bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           (static_cast<unsigned char>(c) & 0x80) != 0;
}

// Readability's "hid" as a whole space-separated word of a class or id.
bool has_hid_word(std::string_view hints) {
    for (std::size_t pos = hints.find("hid"); pos != std::string_view::npos;
         pos = hints.find("hid", pos + 1)) {
        const bool starts = pos == 0 || hints[pos - 1] == ' ';
        const bool ends = pos + 3 == hints.size() || hints[pos + 3] == ' ';
        if (starts && ends) {
            return true;
        }
    }
    return false;
}


int weight_of(std::string_view name) {
    if (name.empty()) {
        return 0;
    }
    const std::string lowered = text::ascii_lower(name);
    int weight = 0;
    if (is_negative_hint(lowered)) {
        weight -= 25;
    }
    if (is_positive_hint(lowered)) {
        weight += 25;
    }
    return weight;
}

}  // namespace

std::string hint_text(const Node& node) {
    std::string out = text::ascii_lower(node.attribute("class"));
    out += ' ';
    out += text::ascii_lower(node.attribute("id"));
    return out;
}

bool is_unlikely_hint(std::string_view hints) {
    return contains_any(hints, kUnlikely);
}

bool is_maybe_content_hint(std::string_view hints) {
    return contains_any(hints, kMaybeContent);
}

bool is_positive_hint(std::string_view hints) {
    return contains_any(hints, kPositive);
}

bool is_negative_hint(std::string_view hints) {
    return contains_any(hints, kNegative) || has_hid_word(hints);
}

bool is_byline_hint(std::string_view hints) {
    return contains_any(hints, kByline);
}

bool is_share_hint(std::string_view hints) {
    for (const std::string_view word :
         {std::string_view("share"), std::string_view("sharedaddy")}) {
        for (std::size_t pos = hints.find(word); pos != std::string_view::npos;
             pos = hints.find(word, pos + 1)) {
            const std::size_t end = pos + word.size();
            const bool starts = pos == 0 || !is_word_char(hints[pos - 1]) || hints[pos - 1] == '_';
            const bool ends = end == hints.size() || !is_word_char(hints[end]) || hints[end] == '_';
            if (starts && ends) {
                return true;
            }
        }
    }
    return false;
}

bool is_unlikely_role(std::string_view role) {
    return std::find(kUnlikelyRoles.begin(), kUnlikelyRoles.end(), role) != kUnlikelyRoles.end();
}

bool is_ad_or_loading_text(std::string_view text) {
    const std::string label = text::ascii_lower(text::trim(text));
    return std::find(kAdOrLoading.begin(), kAdOrLoading.end(), label) != kAdOrLoading.end();
}

int class_weight(const Node& node) {
    return weight_of(node.attribute("class")) + weight_of(node.attribute("id"));
}

}  // namespace morgue::html
