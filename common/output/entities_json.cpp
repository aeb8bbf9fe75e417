#include "entities_json.h"

namespace morgue {

void write_entities(JsonWriter& json, const std::vector<Entity>& entities, bool with_mentions) {
    json.begin_object();
    for (EntityType type : {EntityType::person, EntityType::organisation, EntityType::location}) {
        json.key(entity_type_name(type));
        json.begin_array();
        for (const Entity& entity : entities) {
            if (entity.type != type) {
                continue;
            }
            if (!with_mentions) {
                json.string(entity.name);
                continue;
            }
            json.begin_object();
            json.key("name");
            json.string(entity.name);
            json.key("mentions");
            json.strings(entity.mentions);
            json.end_object();
        }
        json.end_array();
    }
    json.end_object();
}

}  // namespace morgue
