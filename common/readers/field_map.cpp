#include "field_map.h"
#include "../text/unicode.h"

#include <algorithm>
#include <array>
#include <utility>

namespace morgue {

namespace {

constexpr std::array<std::pair<std::string_view, Field>, 14> kFieldNames{{
    {"id", Field::id},
    {"title", Field::title},
    {"body", Field::body},
    {"date", Field::date},
    {"source", Field::source},
    {"url", Field::url},
    {"author", Field::author},
    {"lang", Field::lang},
    {"topic", Field::topic},
    {"tag", Field::tag},
    {"person", Field::person},
    {"org", Field::organisation},
    {"place", Field::place},
    {"organization", Field::organization},
}};

// How the dumps in the wild spell each field (news-please, webhose, GDELT, Kaggle sets, CSV
// exports), most specific first; lower-case, since keys are matched case-insensitively.
// "name" is left out of title: it names people and outlets far more often than stories.
std::map<Field, std::vector<std::string>> default_keys() {
    return {
        {Field::id, {"id", "_id", "uuid", "guid", "doc_id", "docid", "article_id"}},
        {Field::title, {"title", "headline", "head", "subject"}},
        {Field::body,
         {"body", "text", "content", "maintext", "article", "article_text", "full_text", "fulltext",
          "description"}},
        {Field::date,
         {"date", "published", "date_publish", "published_at", "publishedat", "pubdate", "pub_date",
          "datepublished", "timestamp", "time", "created_at", "date_published", "publish_date",
          "date_modify"}},
        {Field::source,
         {"source", "publication", "publisher", "domain", "source_domain", "site", "site_name",
          "outlet", "source.name", "portal"}},
        {Field::url, {"url", "link", "uri", "href", "canonical_url", "source_url"}},
        {Field::author,
         {"author", "authors", "byline", "creator", "writer", "authors.name", "author.name"}},
        {Field::lang, {"lang", "language", "locale"}},
        {Field::topic, {"topics", "topic", "category", "categories", "section"}},
        {Field::tag, {"tags", "tag", "keywords"}},
        {Field::person, {"people", "persons", "people.name", "persons.name"}},
        {Field::organisation,
         {"organizations", "organisations", "orgs", "organizations.name", "organisations.name"}},
        {Field::place, {"places", "locations", "places.name", "locations.name"}},
        {Field::organization, {"organization", "organisation"}},
    };
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }


// key (as in the record) equals lower_key (already lower-case), ignoring ASCII case.
bool key_matches(std::string_view key, std::string_view lower_key) {
    return key.size() == lower_key.size() &&
           std::equal(key.begin(), key.end(), lower_key.begin(),
                      [](char a, char b) { return lower(a) == b; });
}

std::string_view trim(std::string_view s) {
    constexpr std::string_view kSpace = " \t\r\n\f\v";
    const std::size_t first = s.find_first_not_of(kSpace);
    if (first == std::string_view::npos) {
        return {};
    }
    return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

// Appends the values under key, in record order; blank values count as absent.
void append_values(const Record& record, std::string_view lower_key,
                   std::vector<std::string>& out) {
    for (const auto& [key, value] : record.fields) {
        if (key_matches(key, lower_key) && !trim(value).empty()) {
            out.push_back(value);
        }
    }
}

}  // namespace

std::optional<Field> field_from_name(std::string_view name) {
    const std::string wanted = text::ascii_lower(name);
    for (const auto& [known, field] : kFieldNames) {
        if (known == wanted) {
            return field;
        }
    }
    return std::nullopt;
}

FieldMap::FieldMap() : keys_(default_keys()) {}

bool FieldMap::add_override(std::string_view spec, std::string* error) {
    const std::size_t equals = spec.find('=');
    const std::string_view name = trim(spec.substr(0, equals));
    const std::string_view key =
        equals == std::string_view::npos ? std::string_view{} : trim(spec.substr(equals + 1));
    const std::optional<Field> field = field_from_name(name);
    std::string problem;
    if (!field) {
        std::string known;
        for (const auto& [field_name, ignored] : kFieldNames) {
            known += (known.empty() ? "" : ", ") + std::string(field_name);
        }
        problem = "unknown field '" + std::string(name) + "' in --map " + std::string(spec) +
                  " (fields: " + known + ")";
    } else if (key.empty()) {
        problem = "no record key in --map " + std::string(spec) +
                  " (write FIELD=KEY, e.g. title=headline.main)";
    }
    if (!problem.empty()) {
        if (error != nullptr) {
            *error = std::move(problem);
        }
        return false;
    }
    overrides_[*field] = text::ascii_lower(key);
    return true;
}

std::vector<std::string> FieldMap::values(const Record& record, Field field) const {
    std::vector<std::string> out;
    if (const auto override_key = overrides_.find(field); override_key != overrides_.end()) {
        append_values(record, override_key->second, out);
        return out;
    }
    // Date keeps every spelling's values: the pipeline picks the most precise, zone-aware one.
    for (const std::string& key : keys_.at(field)) {
        append_values(record, key, out);
        if (!out.empty() && field != Field::date) {
            break;
        }
    }
    return out;
}

}  // namespace morgue
