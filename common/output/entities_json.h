#pragma once

#include <vector>

#include "../entities/entity.h"
#include "json_writer.h"

namespace morgue {

/// The entities of an article as a JSON object keyed by type, {"person": [...], "org": [...],
/// "place": [...]}, every key present: canonical names, or with with_mentions objects
/// {"name": "Vladimir Putin", "mentions": ["Vladimir Putin", "Putin"]} (--dry-run).
void write_entities(JsonWriter& json, const std::vector<Entity>& entities, bool with_mentions);

}  // namespace morgue
