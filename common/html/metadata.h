#pragma once

// What a page says about its article outside the article text: JSON-LD, Open Graph and
// article: meta tags, the other meta tags news sites use, <time>, <title>, <html lang> and
// the canonical link.

#include <string>
#include <string_view>
#include <vector>

#include "dom.h"

namespace morgue::html {

/// The metadata of one page; strings are empty when the page does not say.
struct PageMetadata {
    /// JSON-LD headline (or name), dc.title, og:title, meta title, twitter:title,
    /// parsely-title, sailthru.title, the headline within <title> (see headline_from_title),
    /// the first <h1>: the first present.
    std::string title;
    /// Publication dates as written, most trusted first: JSON-LD datePublished,
    /// article:published_time and the other meta spellings, <time pubdate> or
    /// itemprop=datePublished, the first <time datetime>.
    std::vector<std::string> dates;
    /// Modification dates (JSON-LD dateModified, article:modified_time ...), for pages that
    /// give no publication date.
    std::vector<std::string> modified_dates;
    /// One name per author, from the most trusted source that names any: JSON-LD author,
    /// then dc.creator, meta author, parsely-author, article:author (unless a URL), byl,
    /// sailthru.author.
    std::vector<std::string> authors;
    std::string site_name;  ///< JSON-LD publisher, og:site_name, dc.publisher
    std::string url;        ///< canonical link, og:url, JSON-LD url, else the page's own url
    std::string lang;       ///< JSON-LD inLanguage, <html lang>, content-language meta, og:locale
};

/// Reads the metadata of a parsed page; page_url (where it was fetched from, may be empty)
/// resolves a relative canonical link and names the host when the page names no site.
PageMetadata read_metadata(const Node& root, std::string_view page_url);

/// href resolved against base ("/a/b" on "https://x.org/c" -> "https://x.org/a/b"); href
/// itself when absolute, "" when it cannot be resolved to an http(s) URL.
std::string resolve_url(std::string_view href, std::string_view base);

}  // namespace morgue::html
