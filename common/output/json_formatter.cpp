#include <ostream>
#include <string>
#include <vector>

#include "entities_json.h"
#include "formatters.h"
#include "json_writer.h"

namespace morgue {

namespace {

/// [[start, length], ...] of each match, in code points of the snippet without markup, so that
/// a consumer can highlight the plain text in any way it likes.
void write_highlights(JsonWriter& json, const std::vector<SnippetPart>& parts) {
    json.begin_array();
    std::size_t offset = 0;
    for (const SnippetPart& part : parts) {
        const std::size_t length = count_code_points(part.text);
        if (part.match) {
            json.begin_array();
            json.number(offset);
            json.number(length);
            json.end_array();
        }
        offset += length;
    }
    json.end_array();
}

/// The members of one hit, shared by the json document and jsonl lines.
void write_hit_fields(JsonWriter& json, const Hit& hit, SortOrder sort, Highlight highlight) {
    json.key("rank");
    json.number(hit.rank);
    json.key("id");
    json.string(hit.id);
    json.key("score");
    if (sort == SortOrder::relevance) {
        json.number(hit.score);
    } else {
        json.null();
    }
    json.key("title");
    json.string(hit.title);
    json.key("source");
    json.string(hit.source);
    json.key("date");
    json.string_or_null(iso_date_or_empty(hit.date));
    json.key("url");
    json.string_or_null(hit.url);
    json.key("lang");
    json.string_or_null(hit.lang);
    json.key("authors");
    json.strings(hit.authors);
    json.key("topics");
    json.strings(hit.topics);
    json.key("tags");
    json.strings(hit.tags);
    json.key("entities");
    write_entities(json, hit.entities, false);
    // Repair the encoding first so that highlight offsets count the code points printed.
    const std::string snippet = to_valid_utf8(hit.snippet);
    json.key("snippet");
    json.string(render_snippet(snippet, highlight));
    json.key("highlights");
    write_highlights(json, split_snippet(snippet));
    if (hit.copies) {
        json.key("copies");
        json.begin_object();
        json.key("count");
        json.number(hit.copies->ids.size());
        json.key("ids");
        json.strings(hit.copies->ids);
        json.key("sources");
        json.strings(hit.copies->sources);
        json.end_object();
    }
}

void write_query(JsonWriter& json, const SearchResults& results) {
    json.begin_object();
    json.key("text");
    json.string(results.query_text);
    json.key("parsed");
    json.string(results.parsed);
    json.key("date_from");
    json.string_or_null(iso_date_or_empty(results.date_from));
    json.key("date_to");
    json.string_or_null(iso_date_or_empty(results.date_to));
    json.end_object();
}

/// "facets" and "histogram", present when they were asked for.
void write_analysis(JsonWriter& json, const SearchResults& results) {
    if (!results.facets.empty()) {
        json.key("facets");
        json.begin_object();
        for (const Facet& facet : results.facets) {
            json.key(facet_field_name(facet.field));
            json.begin_array();
            for (const FacetValue& value : facet.values) {
                json.begin_object();
                json.key("value");
                json.string(value.value);
                json.key("count");
                json.number(value.count);
                json.end_object();
            }
            json.end_array();
        }
        json.end_object();
    }
    if (!results.histogram) {
        return;
    }
    json.key("histogram");
    json.begin_array();
    for (const Bucket& bucket : results.buckets) {
        json.begin_object();
        json.key("period");
        json.string(bucket.period);
        json.key("count");
        json.number(bucket.count);
        json.key("share");
        if (bucket.share) {
            json.number(*bucket.share);
        } else {
            json.null();
        }
        json.end_object();
    }
    json.end_array();
}

void write_document(JsonWriter& json, const SearchResults& results, Highlight highlight) {
    json.begin_object();
    json.key("format_version");
    json.number(kFormatVersion);
    json.key("query");
    write_query(json, results);
    json.key("total");
    json.begin_object();
    json.key("estimate");
    json.number(results.total_estimate);
    json.key("exact");
    json.boolean(results.total_exact);
    json.end_object();
    json.key("offset");
    json.number(results.offset);
    json.key("sort");
    json.string(sort_order_name(results.sort));
    json.key("results");
    json.begin_array();
    for (const Hit& hit : results.hits) {
        json.begin_object();
        write_hit_fields(json, hit, results.sort, highlight);
        json.end_object();
    }
    json.end_array();
    write_analysis(json, results);
    if (!results.suggestion.empty()) {
        json.key("suggestion");
        json.string(results.suggestion);
    }
    json.key("warnings");
    json.strings(results.warnings);
    json.end_object();
}

}  // namespace

JsonFormatter::JsonFormatter(bool lines, Highlight highlight)
    : lines_(lines), highlight_(highlight) {}

void JsonFormatter::write(const SearchResults& results, std::ostream& out) {
    if (!lines_) {
        JsonWriter json(out);
        write_document(json, results, highlight_);
        out << '\n';
        return;
    }
    for (const Hit& hit : results.hits) {
        JsonWriter json(out);
        json.begin_object();
        json.key("format_version");
        json.number(kFormatVersion);
        write_hit_fields(json, hit, results.sort, highlight_);
        json.end_object();
        out << '\n';
    }
}

}  // namespace morgue
