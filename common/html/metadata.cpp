#include "metadata.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <utility>

#include "../ids.h"
#include "../text/unicode.h"
#include "authors.h"
#include "json_ld.h"
#include "text.h"
#include "title.h"

namespace morgue::html {

namespace {

using Keys = std::initializer_list<std::string_view>;

// Meta tag names and properties, lower-case, in order of trust within each field. Sites
// spell Dublin Core both "dc.title" and "DC:title", and Open Graph both as property and name.
// Dublin Core, where a site gives it, is a deliberate bibliographic record and comes first,
// as in Readability; a bare <meta name="title"> often repeats <title>, branding and all.
const Keys kTitleKeys = {"dc.title",
                         "dc:title",
                         "dcterms.title",
                         "dcterms:title",
                         "og:title",
                         "weibo:article:title",
                         "weibo:webpage:title",
                         "title",
                         "twitter:title",
                         "parsely-title",
                         "sailthru.title"};
const Keys kPublishedKeys = {"article:published_time",
                             "og:article:published_time",
                             "article:published",
                             "og:published_time",
                             "published_time",
                             "article.published",
                             "datepublished",
                             "parsely-pub-date",
                             "sailthru.date",
                             "pubdate",
                             "publishdate",
                             "publish-date",
                             "publish_date",
                             "publication_date",
                             "dc.date.issued",
                             "dcterms.issued",
                             "dc.date",
                             "dc:date",
                             "dcterms.date",
                             "dcterms.created",
                             "dc.date.created",
                             "date",
                             "originalpublicationdate",
                             "article_date_original",
                             "cxenseparse:recs:publishtime",
                             "displaydate"};
const Keys kModifiedKeys = {"article:modified_time", "og:updated_time",  "datemodified",
                            "dcterms.modified",      "dc.date.modified", "last-modified"};
// Dublin Core first, as for titles; article:author is mostly a profile URL, skipped then.
const Keys kAuthorKeys = {"dc.creator",      "dc:creator",     "dcterms.creator", "dcterms:creator",
                          "author",          "parsely-author", "article:author",  "byl",
                          "sailthru.author", "citation_author"};
const Keys kSiteKeys = {"og:site_name", "dc.publisher", "dcterms.publisher"};
const Keys kLanguageKeys = {"content-language", "language", "dc.language", "dcterms.language",
                            "og:locale"};
// How much of a title two candidates must share to be taken as the same (see
// title_similarity).
constexpr double kTitleAgreement = 0.75;

/// Trimmed and lower-cased: attribute values compared as keywords.
std::string lower_ascii(std::string_view s) {
    return text::ascii_lower(text::trim(s));
}

bool is_http(std::string_view url) {
    const std::string lowered = lower_ascii(url.substr(0, 8));
    return lowered.rfind("http://", 0) == 0 || lowered.rfind("https://", 0) == 0;
}

// What one pass over the page gathers for the metadata rules.
struct PageFacts {
    std::vector<std::pair<std::string, std::string>> meta;  ///< key (lower-case), content
    std::vector<std::string> json_ld;
    std::string title;
    std::vector<std::string> h1s;
    std::vector<std::string> marked_dates;  ///< <time pubdate>, itemprop=datePublished
    std::string first_time;
    std::string canonical;
    std::string html_lang;

    std::vector<std::string> values(Keys keys) const {
        std::vector<std::string> out;
        for (const std::string_view key : keys) {
            for (const auto& [name, content] : meta) {
                if (name == key && !text::trim(content).empty()) {
                    out.push_back(clean_value(content));
                }
            }
        }
        return out;
    }
    std::string first(Keys keys) const {
        std::vector<std::string> all = values(keys);
        return all.empty() ? std::string() : std::move(all.front());
    }
};

// Every name a meta tag answers to: property may list several ("og:title twitter:title").
void add_meta(const Node& node, PageFacts& facts) {
    const std::string_view content = node.attribute("content");
    for (const std::string_view attribute : {"property", "name", "itemprop", "http-equiv"}) {
        const std::string names = lower_ascii(node.attribute(attribute));
        std::size_t start = 0;
        while (start < names.size()) {
            const std::size_t end = std::min(names.find(' ', start), names.size());
            if (end > start) {
                facts.meta.emplace_back(names.substr(start, end - start), std::string(content));
            }
            start = end + 1;
        }
    }
}

// True when text holds four digits in a row, as every date that can be placed does.
bool has_year(std::string_view text) {
    std::size_t run = 0;
    for (const char c : text) {
        run = c >= '0' && c <= '9' ? run + 1 : 0;
        if (run == 4) {
            return true;
        }
    }
    return false;
}

// <time pubdate>, itemprop=datePublished on any element, and the first <time datetime>.
void add_time(const Node& node, PageFacts& facts) {
    const std::string itemprop = lower_ascii(node.attribute("itemprop"));
    const bool marked =
        node.has_attribute("pubdate") || itemprop.find("datepublished") != std::string::npos;
    const bool first_time = node.is("time") && facts.first_time.empty() &&
                            !text::trim(node.attribute("datetime")).empty();
    if (!marked && !first_time) {
        return;
    }
    std::string_view when = node.attribute("datetime");
    if (text::trim(when).empty()) {
        when = node.attribute("content");
    }
    std::string value = text::trim(when).empty() ? inner_text(node) : clean_value(when);
    if (!has_year(value)) {
        return;  // "12:55 AM", "Yesterday": a time or a relative day cannot be placed
    }
    if (marked) {
        facts.marked_dates.push_back(std::move(value));
    } else {
        facts.first_time = std::move(value);
    }
}

void visit(const Node& node, PageFacts& facts) {
    if (node.is("meta")) {
        add_meta(node, facts);
    } else if (node.is("script")) {
        if (lower_ascii(node.attribute("type")) == "application/ld+json") {
            facts.json_ld.push_back(text_content(node));
        }
    } else if (node.is("title")) {
        if (facts.title.empty() && !has_ancestor(node, "svg")) {
            facts.title = inner_text(node);
        }
    } else if (node.is("h1")) {
        facts.h1s.push_back(inner_text(node));
    } else if (node.is("link")) {
        if (facts.canonical.empty() && lower_ascii(node.attribute("rel")) == "canonical") {
            facts.canonical = std::string(text::trim(node.attribute("href")));
        }
    }
    if (node.is("time") || node.has_attribute("itemprop")) {
        add_time(node, facts);
    }
}

PageFacts gather(const Node& root) {
    PageFacts facts;
    facts.html_lang = std::string(text::trim(root.attribute("lang")));
    if (facts.html_lang.empty()) {
        facts.html_lang = std::string(text::trim(root.attribute("xml:lang")));
    }
    for_each_element(root, [&](const Node& node) { visit(node, facts); });
    return facts;
}

// JSON-LD "headline" is the article's headline and "name" often is too, but some sites put
// their own name or a page type in one of them: when they differ, the one that agrees with
// <title> is taken.
std::string json_ld_title(const JsonLdArticle& ld, std::string_view page_title) {
    if (ld.headline.empty() || ld.name.empty() || ld.headline == ld.name) {
        return ld.headline.empty() ? ld.name : ld.headline;
    }
    const bool headline_agrees = title_similarity(page_title, ld.headline) > kTitleAgreement;
    const bool name_agrees = title_similarity(page_title, ld.name) > kTitleAgreement;
    return name_agrees && !headline_agrees ? ld.name : ld.headline;
}

std::string pick_title(const PageFacts& facts, const std::optional<JsonLdArticle>& ld,
                       const PageMetadata& meta) {
    if (ld) {
        if (std::string title = json_ld_title(*ld, facts.title); !title.empty()) {
            return title;
        }
    }
    if (std::string title = facts.first(kTitleKeys); !title.empty()) {
        return title;
    }
    if (!facts.title.empty()) {
        return headline_from_title(facts.title, meta.site_name, url_host(meta.url));
    }
    return facts.h1s.empty() ? std::string() : facts.h1s.front();
}

std::vector<std::string> pick_dates(const PageFacts& facts,
                                    const std::optional<JsonLdArticle>& ld) {
    std::vector<std::string> dates;
    if (ld && !ld->date_published.empty()) {
        dates.push_back(ld->date_published);
    }
    add_names(dates, facts.values(kPublishedKeys));
    add_names(dates, facts.marked_dates);
    if (!facts.first_time.empty()) {
        add_names(dates, {facts.first_time});
    }
    return dates;
}

std::vector<std::string> pick_authors(const PageFacts& facts,
                                      const std::optional<JsonLdArticle>& ld) {
    std::vector<std::string> authors;
    if (ld) {
        for (const std::string& name : ld->authors) {
            add_names(authors, split_byline(name));
        }
    }
    for (const std::string_view key : kAuthorKeys) {
        if (!authors.empty()) {
            break;
        }
        for (const std::string& value : facts.values({key})) {
            add_names(authors, split_byline(value));
        }
    }
    return authors;
}

std::string pick_url(const PageFacts& facts, const std::optional<JsonLdArticle>& ld,
                     std::string_view page_url) {
    const std::string og_url = facts.first({"og:url"});
    const std::string_view base = is_http(page_url) ? page_url : std::string_view(og_url);
    for (const std::string_view candidate :
         {std::string_view(facts.canonical), std::string_view(og_url),
          ld ? std::string_view(ld->url) : std::string_view()}) {
        if (std::string url = resolve_url(candidate, base); !url.empty()) {
            return url;
        }
    }
    return std::string(page_url);
}

std::string pick_language(const PageFacts& facts, const std::optional<JsonLdArticle>& ld) {
    if (ld && !ld->language.empty()) {
        return ld->language;
    }
    if (!facts.html_lang.empty()) {
        return facts.html_lang;
    }
    std::string lang = facts.first(kLanguageKeys);
    std::replace(lang.begin(), lang.end(), '_', '-');  // og:locale writes "en_US"
    return lang;
}

}  // namespace

PageMetadata read_metadata(const Node& root, std::string_view page_url) {
    const PageFacts facts = gather(root);
    const std::optional<JsonLdArticle> ld = find_json_ld_article(facts.json_ld);
    PageMetadata meta;
    meta.site_name = ld && !ld->publisher.empty() ? ld->publisher : facts.first(kSiteKeys);
    meta.url = pick_url(facts, ld, page_url);
    meta.title = pick_title(facts, ld, meta);
    meta.dates = pick_dates(facts, ld);
    if (ld && !ld->date_modified.empty()) {
        meta.modified_dates.push_back(ld->date_modified);
    }
    add_names(meta.modified_dates, facts.values(kModifiedKeys));
    meta.authors = pick_authors(facts, ld);
    meta.lang = pick_language(facts, ld);
    return meta;
}

std::string resolve_url(std::string_view href, std::string_view base) {
    href = text::trim(href);
    if (href.empty() || is_http(href)) {
        return std::string(href);
    }
    const std::size_t scheme_end = base.find("://");
    if (!is_http(base) || scheme_end == std::string_view::npos) {
        return {};
    }
    const std::size_t path_start = std::min(base.find_first_of("/?#", scheme_end + 3), base.size());
    if (href.substr(0, 2) == "//") {
        return std::string(base.substr(0, scheme_end + 1)) + std::string(href);
    }
    if (href.front() == '/') {
        return std::string(base.substr(0, path_start)) + std::string(href);
    }
    if (href.find(':') < href.find_first_of("/?#")) {
        return {};  // another scheme: mailto:, javascript:
    }
    const std::string_view path =
        base.substr(0, std::min(base.find_first_of("?#", path_start), base.size()));
    if (href.front() == '?' || href.front() == '#') {
        return std::string(path) + std::string(href);
    }
    const std::size_t slash = path.rfind('/');
    const std::string directory = slash == std::string_view::npos || slash < path_start
                                      ? std::string(path) + "/"
                                      : std::string(path.substr(0, slash + 1));
    return directory + std::string(href);
}

}  // namespace morgue::html
