#include "aliases.h"

#include <algorithm>
#include <stdexcept>

#include "../text/unicode.h"
#include "embedded_data.h"
#include "list_file.h"

namespace morgue::entities {

namespace {

std::size_t index_of(EntityType type) {
    return static_cast<std::size_t>(type);
}

std::optional<EntityType> type_code(std::string_view code) {
    if (code == "PER") {
        return EntityType::person;
    }
    if (code == "ORG") {
        return EntityType::organisation;
    }
    if (code == "LOC") {
        return EntityType::location;
    }
    return std::nullopt;
}

}  // namespace

std::string alias_key(std::string_view name) {
    // ASCII folds by lower-casing alone; Unicode normalisation is for the rest.
    const bool ascii = std::all_of(name.begin(), name.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    std::string folded = ascii ? std::string(name) : text::fold_value(name);
    if (ascii) {
        for (char& c : folded) {
            c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
            c = c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
        }
    }
    std::string key;
    key.reserve(folded.size());
    for (std::size_t i = 0; i < folded.size(); ++i) {
        if (folded.compare(i, 3, "\xE2\x80\x99") == 0) {  // ’
            key.push_back('\'');
            i += 2;
        } else if (folded[i] == '.') {
            // dropped: "U.S." and "US" compare equal
        } else if (folded[i] != ' ' || (!key.empty() && key.back() != ' ')) {
            key.push_back(folded[i]);
        }
    }
    while (!key.empty() && key.back() == ' ') {
        key.pop_back();
    }
    if (key.starts_with("the ") && key.size() > 4) {
        key.erase(0, 4);
    }
    return key;
}

std::string tidy_name(std::string_view name) {
    std::string tidy = text::collapse_space(name);
    for (const std::string_view possessive : {"'s", "\xE2\x80\x99s", "'S", "\xE2\x80\x99S"}) {
        if (tidy.size() > possessive.size() + 1 && tidy.ends_with(possessive)) {
            tidy.resize(tidy.size() - possessive.size());
            break;
        }
    }
    return tidy;
}

const AliasTable& AliasTable::shared() {
    static const AliasTable table;
    return table;
}

AliasTable::AliasTable() {
    for_each_entry(embedded_entity_file_or_throw("aliases.tsv"), [this](std::string_view line) {
        const std::optional<EntityType> type = type_code(field(line, 0));
        if (!type) {
            throw std::logic_error("aliases.tsv: unknown type in \"" + std::string(line) + "\"");
        }
        add(*type, field(line, 1), field(line, 2), true);
    });
    for_each_entry(embedded_entity_file_or_throw("countries.tsv"), [this](std::string_view line) {
        add(EntityType::location, field(line, 1), field(line, 2), false);
    });
}

void AliasTable::add(EntityType type, std::string_view canonical, std::string_view variants,
                     bool fixed) {
    auto& names = names_[index_of(type)];
    const auto add_variant = [&](std::string_view variant) {
        const std::string key = alias_key(variant);
        if (!key.empty()) {
            names.try_emplace(key, canonical);  // the first list to name a variant wins
            if (fixed) {
                fixed_.try_emplace(key, type);
            }
        }
    };
    add_variant(canonical);
    for_each_variant(variants, add_variant);
}

std::optional<std::string_view> AliasTable::canonical(EntityType type, std::string_view key) const {
    const auto& names = names_[index_of(type)];
    const auto found = names.find(std::string(key));
    if (found == names.end()) {
        return std::nullopt;
    }
    return std::string_view(found->second);
}

std::optional<EntityType> AliasTable::fixed_type(std::string_view key) const {
    const auto found = fixed_.find(std::string(key));
    return found == fixed_.end() ? std::nullopt : std::optional<EntityType>(found->second);
}

}  // namespace morgue::entities
