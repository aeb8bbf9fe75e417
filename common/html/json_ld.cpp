#include "json_ld.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <deque>
#include <utility>

#include "text.h"

namespace morgue::html {

namespace {

namespace dom = simdjson::dom;

// schema.org's Article and its subtypes: the types whose metadata describes a story.
constexpr std::array<std::string_view, 19> kArticleTypes = {
    "Article",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "AdvertiserContentArticle",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "BlogPosting",
    "LiveBlogPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "APIReference",
    "Report",
};
// What sites wrap JSON-LD in: CDATA sections and comments.
constexpr std::array<std::string_view, 4> kWrappers = {"<![CDATA[", "]]>", "<!--", "-->"};
// How far below the top level an article object is looked for: @graph members and
// "mainEntity" objects sit one or two levels down; deeper ones describe something else.
constexpr std::size_t kMaxSearchDepth = 4;

std::string_view string_of(dom::element value) {
    std::string_view s;
    return value.get_string().get(s) ? std::string_view{} : s;
}

std::string member_string(dom::object object, std::string_view key) {
    dom::element value;
    if (object.at_key(key).get(value)) {
        return {};
    }
    return clean_value(string_of(value));
}

// A name given as a string, as an object with "name", or as an array of either (first).
std::string name_of(dom::element value) {
    dom::array array;
    if (!value.get_array().get(array)) {
        for (dom::element item : array) {
            if (std::string name = name_of(item); !name.empty()) {
                return name;
            }
        }
        return {};
    }
    dom::object object;
    if (!value.get_object().get(object)) {
        std::string name = member_string(object, "name");
        return name.empty() ? member_string(object, "alternateName") : name;
    }
    return clean_value(string_of(value));
}

void append_names(dom::element value, std::vector<std::string>& out) {
    dom::array array;
    if (!value.get_array().get(array)) {
        for (dom::element item : array) {
            append_names(item, out);
        }
        return;
    }
    std::string name = name_of(value);
    if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) {
        out.push_back(std::move(name));
    }
}

// "mainEntityOfPage": a URL string or a WebPage object identified by "@id" (or "url").
std::string page_url(dom::object object) {
    dom::element value;
    if (object.at_key("mainEntityOfPage").get(value)) {
        return {};
    }
    dom::object page;
    if (!value.get_object().get(page)) {
        std::string id = member_string(page, "@id");
        return id.empty() ? member_string(page, "url") : id;
    }
    return clean_value(string_of(value));
}

bool has_article_type(dom::object object) {
    dom::element type;
    if (object.at_key("@type").get(type)) {
        return false;
    }
    dom::array types;
    if (!type.get_array().get(types)) {
        return std::any_of(types.begin(), types.end(),
                           [](dom::element t) { return is_article_type(string_of(t)); });
    }
    return is_article_type(string_of(type));
}

JsonLdArticle read_article(dom::object object) {
    JsonLdArticle article;
    article.headline = member_string(object, "headline");
    article.name = member_string(object, "name");
    article.date_published = member_string(object, "datePublished");
    if (article.date_published.empty()) {
        article.date_published = member_string(object, "dateCreated");
    }
    article.date_modified = member_string(object, "dateModified");
    for (const std::string_view key : {"author", "creator"}) {
        if (dom::element value; !object.at_key(key).get(value)) {
            append_names(value, article.authors);
        }
    }
    if (dom::element value; !object.at_key("publisher").get(value)) {
        article.publisher = name_of(value);
    }
    if (dom::element value; !object.at_key("inLanguage").get(value)) {
        article.language = name_of(value);
    }
    article.url = member_string(object, "url");
    if (article.url.empty()) {
        article.url = page_url(object);
    }
    return article;
}

// Breadth first, so a top-level article wins over one mentioned inside it ("hasPart").
std::optional<JsonLdArticle> search(dom::element root) {
    std::deque<std::pair<dom::element, std::size_t>> queue{{root, 0}};
    while (!queue.empty()) {
        const auto [value, depth] = queue.front();
        queue.pop_front();
        dom::object object;
        dom::array array;
        if (!value.get_object().get(object)) {
            if (has_article_type(object)) {
                return read_article(object);
            }
            if (depth < kMaxSearchDepth) {
                for (const auto field : object) {
                    queue.emplace_back(field.value, depth + 1);
                }
            }
        } else if (!value.get_array().get(array) && depth < kMaxSearchDepth) {
            for (dom::element item : array) {
                queue.emplace_back(item, depth + 1);
            }
        }
    }
    return std::nullopt;
}

// Sites wrap JSON-LD in CDATA sections or comments and put raw line breaks inside strings,
// which JSON forbids: the wrappers go, then what lies between the outer brackets is kept with
// control characters made spaces (outside strings they are white space anyway).
std::string repair(std::string_view block) {
    std::string json;
    json.reserve(block.size());
    for (std::size_t i = 0; i < block.size();) {
        const auto wrapper = std::find_if(kWrappers.begin(), kWrappers.end(), [&](auto w) {
            return block.compare(i, w.size(), w) == 0;
        });
        if (wrapper != kWrappers.end()) {
            json += ' ';
            i += wrapper->size();
        } else {
            json += block[i++];
        }
    }
    const std::size_t first = json.find_first_of("{[");
    const std::size_t last = json.find_last_of("}]");
    if (first == std::string::npos || last == std::string::npos || last < first) {
        return {};
    }
    json = json.substr(first, last - first + 1);
    std::replace_if(
        json.begin(), json.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }, ' ');
    return json;
}

}  // namespace

bool is_article_type(std::string_view type) {
    const std::size_t cut = type.find_last_of("/:#");
    if (cut != std::string_view::npos) {
        type.remove_prefix(cut + 1);
    }
    return std::find(kArticleTypes.begin(), kArticleTypes.end(), type) != kArticleTypes.end();
}

std::optional<JsonLdArticle> find_json_ld_article(const std::vector<std::string>& blocks) {
    dom::parser parser;
    for (const std::string& block : blocks) {
        const std::string json = repair(block);
        dom::element root;
        if (json.empty() || parser.parse(json).get(root)) {
            continue;
        }
        if (std::optional<JsonLdArticle> article = search(root)) {
            return article;
        }
    }
    return std::nullopt;
}

}  // namespace morgue::html
