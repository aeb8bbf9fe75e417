#pragma once

// schema.org metadata embedded as JSON-LD (<script type="application/ld+json">), the most
// deliberate statement a news page makes about its article.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue::html {

/// What a schema.org Article (NewsArticle, ReportageNewsArticle, BlogPosting ...) says.
/// Strings are as given, with entities decoded and white space collapsed; empty when absent.
struct JsonLdArticle {
    std::string headline;
    std::string name;
    std::string date_published;  ///< datePublished, else dateCreated
    std::string date_modified;
    std::vector<std::string> authors;  ///< author (and creator) names, one per person
    std::string publisher;             ///< publisher name
    std::string language;              ///< inLanguage
    std::string url;                   ///< url, else mainEntityOfPage
};

/// True for schema.org types of article: Article and its subtypes (NewsArticle,
/// ReportageNewsArticle, AnalysisNewsArticle, BlogPosting, ScholarlyArticle ...), written
/// bare, as "schema:NewsArticle" or as a full IRI.
bool is_article_type(std::string_view type);

/// The first article described by the JSON-LD blocks (the text of each script element), in
/// page order: a top-level object, an element of a top-level array, a member of "@graph" or an
/// object nested a few levels inside another ("mainEntity"). Blocks that are not valid JSON
/// after light repair (CDATA or comment wrappers, raw line breaks inside strings) are skipped.
std::optional<JsonLdArticle> find_json_ld_article(const std::vector<std::string>& blocks);

}  // namespace morgue::html
