#include "entity.h"

#include <array>
#include <string>
#include <utility>

namespace morgue {

std::string_view entity_type_name(EntityType type) {
    switch (type) {
        case EntityType::person:
            return "person";
        case EntityType::organisation:
            return "org";
        case EntityType::location:
            return "place";
    }
    return "person";
}

std::optional<EntityType> entity_type_from_name(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, EntityType>, 12> kNames = {{
        {"person", EntityType::person},
        {"people", EntityType::person},
        {"persons", EntityType::person},
        {"org", EntityType::organisation},
        {"organization", EntityType::organisation},
        {"organizations", EntityType::organisation},
        {"organisation", EntityType::organisation},
        {"organisations", EntityType::organisation},
        {"place", EntityType::location},
        {"places", EntityType::location},
        {"location", EntityType::location},
        {"locations", EntityType::location},
    }};
    std::string lower(name);
    for (char& c : lower) {
        c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    for (const auto& [spelling, type] : kNames) {
        if (lower == spelling) {
            return type;
        }
    }
    return std::nullopt;
}

}  // namespace morgue
