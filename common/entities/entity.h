#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

/// The kinds of named entity morgue extracts and indexes.
enum class EntityType { person, organisation, location };

/// "person", "org", "place": the query field and JSON key of each type.
std::string_view entity_type_name(EntityType type);

/// The type a query field or record key names ("person"/"people"/"persons", "org"/
/// "organization(s)"/"organisation(s)", "place(s)"/"location(s)"); nullopt for others.
std::optional<EntityType> entity_type_from_name(std::string_view name);

/// One entity of an article: its canonical name (the fullest form in the article, mapped
/// through the alias table) and the surface forms that mention it, in order of appearance.
struct Entity {
    EntityType type = EntityType::person;
    std::string name;
    std::vector<std::string> mentions;
};

}  // namespace morgue
