#include "foreign.h"

#include <algorithm>
#include <map>

#include "../text/unicode.h"
#include "lexicon.h"
#include "list_file.h"
#include "tokenizer.h"

namespace morgue::entities {

namespace {

constexpr std::size_t kMaxNameTokens = 6;

}  // namespace

ForeignCountries::ForeignCountries(std::string_view i18n_tsv, std::string_view countries_tsv) {
    std::map<std::string, std::int32_t, std::less<>> by_code;
    for_each_entry(countries_tsv, [&](std::string_view line) {
        by_code.emplace(std::string(field(line, 0)), static_cast<std::int32_t>(canonical_.size()));
        canonical_.emplace_back(field(line, 1));
    });
    for_each_entry(i18n_tsv, [&](std::string_view line) {
        const auto code = by_code.find(field(line, 1));
        if (code == by_code.end()) {
            return;
        }
        Table& table = languages_[std::string(field(line, 0))];
        for_each_variant(field(line, 2),
                         [&](std::string_view name) { add(table, name, code->second); });
    });
}

void ForeignCountries::add(Table& table, std::string_view name, std::int32_t canonical) {
    std::vector<Token> tokens;
    tokenize(name, tokens);
    if (tokens.empty() || tokens.size() > kMaxNameTokens) {
        return;
    }
    std::uint64_t sequence = kHashSeed;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        sequence = extend_sequence(sequence, tokens[i].key);
        if (i + 1 < tokens.size()) {
            table[sequence].prefix = true;
        }
    }
    Entry& entry = table[sequence];
    entry.canonical = entry.canonical < 0 ? canonical : entry.canonical;
}

std::vector<Entity> ForeignCountries::extract(std::string_view title, std::string_view body,
                                              std::string_view lang) const {
    const auto language = languages_.find(std::string(lang == "no" ? "nb" : lang));
    if (language == languages_.end()) {
        return {};
    }
    const Table& table = language->second;
    std::string text(title);
    text += '\n';
    text += body;
    std::vector<Token> tokens;
    tokenize(text, tokens);
    std::vector<Entity> entities;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!tokens[i].has(kUpperFirst)) {
            continue;
        }
        std::int32_t canonical = -1;
        std::size_t end = i;
        std::uint64_t sequence = kHashSeed;
        for (std::size_t j = i; j < tokens.size() && j < i + kMaxNameTokens; ++j) {
            sequence = extend_sequence(sequence, tokens[j].key);
            const auto found = table.find(sequence);
            if (found == table.end()) {
                break;
            }
            if (found->second.canonical >= 0) {
                canonical = found->second.canonical;
                end = j + 1;
            }
            if (!found->second.prefix) {
                break;
            }
        }
        if (canonical < 0) {
            continue;
        }
        const std::string& name = canonical_[static_cast<std::size_t>(canonical)];
        const std::string surface = text::collapse_space(
            std::string_view(text).substr(tokens[i].begin, tokens[end - 1].end - tokens[i].begin));
        auto entity = std::find_if(entities.begin(), entities.end(),
                                   [&](const Entity& e) { return e.name == name; });
        if (entity == entities.end()) {
            entities.push_back(Entity{EntityType::location, name, {}});
            entity = entities.end() - 1;
        }
        if (std::find(entity->mentions.begin(), entity->mentions.end(), surface) ==
            entity->mentions.end()) {
            entity->mentions.push_back(surface);
        }
        i = end - 1;
    }
    return entities;
}

}  // namespace morgue::entities
