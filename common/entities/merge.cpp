#include <algorithm>
#include <string>
#include <vector>

#include "aliases.h"
#include "extractor.h"

namespace morgue::entities {

namespace {

std::vector<std::string> words_of(const std::string& key) {
    std::vector<std::string> words;
    std::size_t pos = 0;
    while (pos < key.size()) {
        const std::size_t space = std::min(key.find(' ', pos), key.size());
        words.push_back(key.substr(pos, space - pos));
        pos = space + 1;
    }
    return words;
}

// One list of words is the first or last words of the other: "Putin" and "Vladimir Putin".
bool one_part_of_other(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    const std::vector<std::string>& shorter = a.size() < b.size() ? a : b;
    const std::vector<std::string>& longer = a.size() < b.size() ? b : a;
    if (shorter.empty() || shorter.size() == longer.size()) {
        return false;
    }
    const auto n = static_cast<long>(shorter.size());
    return std::equal(shorter.begin(), shorter.end(), longer.begin()) ||
           std::equal(shorter.begin(), shorter.end(), longer.end() - n);
}

// The entry of into that names the same entity, or nullptr.
Entity* same_entity(std::vector<Entity>& into, EntityType type, const std::string& key) {
    for (Entity& entity : into) {
        if (entity.type == type && alias_key(entity.name) == key) {
            return &entity;
        }
    }
    if (type != EntityType::person) {
        return nullptr;
    }
    const std::vector<std::string> words = words_of(key);
    for (Entity& entity : into) {
        if (entity.type == type && one_part_of_other(words, words_of(alias_key(entity.name)))) {
            return &entity;
        }
    }
    return nullptr;
}

}  // namespace

void merge_entities(std::vector<Entity>& into, std::vector<Entity> more) {
    for (Entity& entity : more) {
        std::string name = canonical_name(entity.type, entity.name);
        if (name.empty()) {
            continue;
        }
        const std::string key = alias_key(name);
        Entity* target = same_entity(into, entity.type, key);
        if (target == nullptr) {
            into.push_back(Entity{entity.type, std::move(name), {}});
            target = &into.back();
        } else if (words_of(key).size() > words_of(alias_key(target->name)).size()) {
            target->name = std::move(name);  // the fuller form of a person wins
        }
        for (std::string& mention : entity.mentions) {
            if (std::find(target->mentions.begin(), target->mentions.end(), mention) ==
                target->mentions.end()) {
                target->mentions.push_back(std::move(mention));
            }
        }
    }
}

}  // namespace morgue::entities
