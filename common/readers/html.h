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
    std::string url;            ///< where the page was fetched from
    std::string fallback_date;  ///< a date to use when the page has none (WARC-Date)
    std::string charset;        ///< charset declared outside the page: a Content-Type value
                                ///< ("text/html; charset=koi8-r") or a bare name
};

/// The article of one HTML page as a Record with the fields "title", "body" (paragraphs
/// separated by "\n\n"), "date" (one value or more, most trusted first, all on the same day),
/// "author" (one value per author), "source" (the site's name, else the URL's host), "url" and
/// "lang", each present only when known; origin as given, file_id left empty. Metadata comes
/// from JSON-LD, Open Graph / article: and other meta tags, <time>, <title> and <html lang>;
/// the main text from content extraction (docs/html-extraction.md). The page is converted to
/// UTF-8 from the charset the context or the page declares. nullopt (with a diagnostic) when
/// the page holds no article text; an unknown charset is reported and the page still read.
std::optional<Record> html_to_record(std::string_view html, const PageContext& context,
                                     const Origin& origin, const DiagnosticSink& diagnostics);

}  // namespace morgue
