#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "../article.h"
#include "../diagnostics.h"

namespace morgue {

/// What the page's context tells about it, from outside the HTML (a WARC record, an HTTP
/// response): all optional.
struct PageContext {
    std::string url;           ///< where the page was fetched from
    std::string fallback_date; ///< a date to use when the page has none (WARC-Date)
    std::string charset;       ///< charset declared outside the page (HTTP Content-Type)
};

/// The article of one HTML page as a Record (fields "title", "body", "date", "author",
/// "source", "url", "lang", ...): metadata from JSON-LD, Open Graph / article: meta tags,
/// <time>, <title> and <html lang>; the main text by content extraction. nullopt (with a
/// diagnostic) when the page holds no article text.
std::optional<Record> html_to_record(std::string_view html, const PageContext& context,
                                     const Origin& origin, const DiagnosticSink& diagnostics);

}  // namespace morgue
