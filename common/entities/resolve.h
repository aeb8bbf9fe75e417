#pragma once

#include <vector>

#include "aliases.h"
#include "entity.h"
#include "lexicon.h"
#include "mentions.h"

namespace morgue::entities {

/// Turns the mentions of one article into its entities. Types first: the alias table fixes
/// some ("Kremlin" is an organisation), a word of a longer person's name is that person
/// ("Putin" after "Vladimir Putin"), and every mention of a name takes the type most of them
/// have (a known place wins a tie). Then names: a person's partial name resolves to the
/// fullest form in the article, an acronym to the organisation it abbreviates ("NSC" after
/// "National Security Council"), every name through the alias table ("U.S." -> "United
/// States"), and an ALL CAPS form takes the article's or the gazetteer's spelling.
/// Entities come in order of first appearance, each with its distinct surface forms.
std::vector<Entity> resolve_entities(std::vector<Mention> mentions, const Lexicon& lexicon,
                                     const AliasTable& aliases);

/// True when the words of part are the first or the last words of whole (and fewer):
/// "Putin" of "Vladimir Putin", "Joe" of "Joe Biden".
bool is_partial_name(const std::vector<std::uint64_t>& part,
                     const std::vector<std::uint64_t>& whole);

}  // namespace morgue::entities
