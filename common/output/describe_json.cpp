// The json and jsonl form of --explain and --stats.
#include <ostream>

#include "../dates.h"
#include "formatters.h"
#include "json_writer.h"

namespace morgue {

namespace {

void date_or_null(JsonWriter& json, const std::optional<std::int64_t>& date) {
    if (date) {
        json.string(dates::format_iso(*date));
    } else {
        json.null();
    }
}

}  // namespace

void JsonFormatter::write_explanation(const Explanation& e, std::ostream& out) {
    JsonWriter json(out);
    json.begin_object();
    json.key("format_version");
    json.number(kFormatVersion);
    json.key("explain");
    json.begin_object();
    json.key("text");
    json.string(e.query_text);
    json.key("parsed");
    json.string(e.parsed);
    json.key("stemmers");
    json.begin_array();
    for (const auto& [lang, algorithm] : e.stemmers) {
        json.begin_object();
        json.key("lang");
        json.string(lang);
        json.key("algorithm");
        json.string(algorithm);
        json.end_object();
    }
    json.end_array();
    json.key("default_operator");
    json.string(e.match_all_words ? "and" : "or");
    json.key("date_from");
    date_or_null(json, e.date_from);
    json.key("date_to");
    date_or_null(json, e.date_to);
    json.key("sort");
    json.string(sort_order_name(e.sort));
    json.key("recency");
    json.string_or_null(e.recency);
    json.key("collapse");
    json.boolean(e.collapse);
    json.key("warnings");
    json.strings(e.warnings);
    json.end_object();
    json.end_object();
    out << '\n';
}

void JsonFormatter::write_stats(const DatabaseStats& s, std::ostream& out) {
    JsonWriter json(out);
    json.begin_object();
    json.key("format_version");
    json.number(kFormatVersion);
    json.key("stats");
    json.begin_object();
    json.key("databases");
    json.strings(s.paths);
    json.key("documents");
    json.number(s.documents);
    json.key("schema_version");
    json.number(s.schema_version);
    json.key("first_date");
    date_or_null(json, s.first_date);
    json.key("last_date");
    date_or_null(json, s.last_date);
    json.key("undated");
    json.number(s.undated);
    json.key("languages");
    json.strings(s.languages);
    json.key("top_sources");
    json.begin_array();
    for (const FacetValue& source : s.top_sources) {
        json.begin_object();
        json.key("value");
        json.string(source.value);
        json.key("count");
        json.number(source.count);
        json.end_object();
    }
    json.end_array();
    json.key("size_bytes");
    json.number(s.size_bytes);
    json.key("warnings");
    json.strings(s.warnings);
    json.end_object();
    json.end_object();
    out << '\n';
}

}  // namespace morgue
