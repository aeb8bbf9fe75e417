#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "entity.h"

namespace morgue::entities {

/// The form under which names are compared: case-folded (Unicode NFKC), full stops and a
/// leading "the" dropped, apostrophes unified, spaces single: "U.S." and "us" -> "us",
/// "The Kremlin" -> "kremlin".
std::string alias_key(std::string_view name);

/// A name tidied for display: trimmed, inner white space made one space, a trailing
/// possessive ('s, ’s) dropped.
std::string tidy_name(std::string_view name);

/// The shipped alias table: every variant the data knows of a name (data/entities/aliases.tsv
/// and the country variants of countries.tsv) mapped to its canonical name, per type.
class AliasTable {
  public:
    /// The table compiled into the library, loaded on first use.
    static const AliasTable& shared();

    /// The canonical name of a variant of this type, nullopt when the table has none.
    std::optional<std::string_view> canonical(EntityType type, std::string_view key) const;

    /// The type a name always has, whatever the model says ("Kremlin" and "White House" are
    /// organisations, "U.S." a place); nullopt for names without a fixed type.
    std::optional<EntityType> fixed_type(std::string_view key) const;

  private:
    AliasTable();
    void add(EntityType type, std::string_view canonical, std::string_view variants, bool fixed);
    std::unordered_map<std::string, std::string> names_[3];
    std::unordered_map<std::string, EntityType> fixed_;
};

}  // namespace morgue::entities
