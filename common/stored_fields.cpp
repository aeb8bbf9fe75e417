#include "stored_fields.h"

#include <simdjson.h>

#include <sstream>

#include "dates.h"
#include "output/entities_json.h"
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
    json.key("topics");
    json.strings(article.topics);
    json.key("tags");
    json.strings(article.tags);
    json.key("entities");
    write_entities(json, article.entities, false);
    json.key("extra");
    json.begin_object();
    for (const auto& [key, value] : article.extra) {
        json.key(key);
        json.string(value);
    }
    json.end_object();
    json.key("body");
    json.string(article.body);
    json.key("origin");
    json.string(to_string(article.origin));
    json.end_object();
    return std::move(out).str();
}

namespace {

std::vector<std::string> string_array(simdjson::dom::object& object, const char* key) {
    std::vector<std::string> out;
    simdjson::dom::array array;
    if (object[key].get(array) == simdjson::SUCCESS) {
        for (simdjson::dom::element item : array) {
            std::string_view value;
            if (item.get(value) == simdjson::SUCCESS) {
                out.emplace_back(value);
            }
        }
    }
    return out;
}

void read_entities(simdjson::dom::object& object, std::vector<Entity>& out) {
    simdjson::dom::object entities;
    if (object["entities"].get(entities) != simdjson::SUCCESS) {
        return;
    }
    for (EntityType type : {EntityType::person, EntityType::organisation, EntityType::location}) {
        std::string key(entity_type_name(type));
        for (std::string& name : string_array(entities, key.c_str())) {
            out.push_back(Entity{type, std::move(name), {}});
        }
    }
}

void read_extra(simdjson::dom::object& object, Article& article) {
    simdjson::dom::object extra;
    if (object["extra"].get(extra) != simdjson::SUCCESS) {
        return;
    }
    for (auto field : extra) {
        std::string_view value;
        if (field.value.get(value) == simdjson::SUCCESS) {
            article.extra.emplace_back(std::string(field.key), std::string(value));
        }
    }
}

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
    article.authors = string_array(object, "authors");
    article.topics = string_array(object, "topics");
    article.tags = string_array(object, "tags");
    read_entities(object, article.entities);
    read_extra(object, article);
    article.body = string_member(object, "body");
    article.origin.path = string_member(object, "origin");
    return article;
}

}  // namespace morgue
