#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "document.h"
#include "entity.h"
#include "lexicon.h"
#include "tags.h"

namespace morgue::entities {

/// A name found in an article, before the article-wide decisions of resolve_entities().
struct Mention {
    EntityType type = EntityType::person;
    std::string surface;               ///< as written, white space made single
    std::string key;                   ///< alias_key(surface)
    std::vector<std::uint64_t> words;  ///< keys of its words (punctuation left out)
    std::uint64_t sequence = 0;        ///< sequence hash of all its tokens (gazetteer lookups)
    std::size_t position = 0;          ///< index of its first token: the order of appearance
    bool uncased = false;              ///< on an ALL CAPS or Title Case line
    bool fixed = false;                ///< its type comes from the alias table
};

/// The names the tags mark, in order of appearance, as mentions: MISC names and demonyms
/// ("Russian", "Americans") are dropped, and the head of a hyphenated word ("Moscow" of
/// "Moscow-backed", "U.S." of "U.S.-led") is a mention when the gazetteers or the article
/// know it as a name.
std::vector<Mention> collect_mentions(const Document& doc, const std::vector<Tag>& tags,
                                      const Lexicon& lexicon);

}  // namespace morgue::entities
