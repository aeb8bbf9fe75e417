#include "article_json.h"

#include <string_view>

#include "../dates.h"
#include "entities_json.h"
#include "formatter.h"
#include "json_writer.h"

namespace morgue {

namespace {

/// At most max_bytes of text, never ending inside a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) {
        return text;
    }
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
        --end;
    }
    return text.substr(0, end);
}

}  // namespace

void write_article_json(const Article& article, std::ostream& out) {
    JsonWriter json(out);
    json.begin_object();
    json.key("format_version");
    json.number(kFormatVersion);
    json.key("id");
    json.string(article.id);
    json.key("title");
    json.string(article.title);
    json.key("source");
    json.string(article.source);
    json.key("date");
    if (article.date) {
        json.string(dates::format_iso(*article.date));
    } else {
        json.null();
    }
    json.key("lang");
    json.string_or_null(article.lang);
    json.key("url");
    json.string_or_null(article.url);
    json.key("authors");
    json.strings(article.authors);
    json.key("topics");
    json.strings(article.topics);
    json.key("tags");
    json.strings(article.tags);
    json.key("entities");
    write_entities(json, article.entities, true);
    json.key("origin");
    json.string(to_string(article.origin));
    json.key("body_length");
    json.number(article.body.size());
    json.key("body_start");
    json.string(utf8_prefix(article.body, kBodyStartBytes));
    json.end_object();
    out << '\n';
}

}  // namespace morgue
