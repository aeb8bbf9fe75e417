#include "stored_fields.h"

#include <simdjson.h>

#include <sstream>

#include "dates.h"
#include "output/json_writer.h"

namespace morgue {

std::string encode_stored_fields(const Article& article) {
    std::ostringstream out;
    JsonWriter json(out);
    json.begin_object();
    json.key("id");
    json.string(article.id);
    json.key("title");
    json.string(article.title);
    json.key("source");
    json.string(article.source);
    json.key("date");
    if (article.date) {
        json.number(*article.date);
    } else {
        json.null();
    }
    json.key("url");
    json.string(article.url);
    json.key("lang");
    json.string(article.lang);
    json.key("authors");
    json.begin_array();
    for (const std::string& author : article.authors) {
        json.string(author);
    }
    json.end_array();
    json.key("body");
    json.string(article.body);
    json.key("origin");
    json.string(to_string(article.origin));
    json.end_object();
    return std::move(out).str();
}

namespace {

std::string string_member(simdjson::dom::object& object, const char* key) {
    std::string_view value;
    if (object[key].get(value) != simdjson::SUCCESS) {
        return {};
    }
    return std::string(value);
}

}  // namespace

Article decode_stored_fields(std::string_view data) {
    thread_local simdjson::dom::parser parser;
    Article article;
    simdjson::dom::object object;
    if (parser.parse(data.data(), data.size()).get(object) != simdjson::SUCCESS) {
        return article;
    }
    article.id = string_member(object, "id");
    article.title = string_member(object, "title");
    article.source = string_member(object, "source");
    std::int64_t seconds = 0;
    if (object["date"].get(seconds) == simdjson::SUCCESS) {
        article.date = seconds;
    }
    article.url = string_member(object, "url");
    article.lang = string_member(object, "lang");
    simdjson::dom::array authors;
    if (object["authors"].get(authors) == simdjson::SUCCESS) {
        for (simdjson::dom::element author : authors) {
            std::string_view name;
            if (author.get(name) == simdjson::SUCCESS) {
                article.authors.emplace_back(name);
            }
        }
    }
    article.body = string_member(object, "body");
    article.origin.path = string_member(object, "origin");
    return article;
}

}  // namespace morgue
