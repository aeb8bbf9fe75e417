#pragma once

// Shared by the JSON and JSON Lines readers: parsing a JSON text with simdjson's On Demand
// API (which keeps numbers' literal text, unlike the DOM) and flattening objects into
// Record::fields. Private to common/readers/.

#include <simdjson.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace morgue {

/// A record's (key, value) pairs, as Record::fields holds them.
using JsonFields = std::vector<std::pair<std::string, std::string>>;

/// Nesting deeper than this is reported as DEPTH_ERROR rather than followed. It stays well
/// below the parser's own limit, which On Demand only checks with assertions, and bounds the
/// recursion of flattening; no article needs more than a handful of levels.
inline constexpr std::size_t kMaxJsonDepth = simdjson::DEFAULT_MAX_DEPTH / 2;

/// Starts parsing text as one JSON document. text gets simdjson's padding appended (and must
/// outlive doc); when simdjson rejects its encoding, text is converted with text::to_utf8
/// (old dumps are Windows-1252) and parsed again.
simdjson::error_code start_json(simdjson::ondemand::parser& parser, std::string& text,
                                simdjson::ondemand::document& doc);

/// Appends the object's members to fields: nested objects under dotted keys ("meta.title"),
/// each array element under the array's key, numbers as their literal text, booleans as
/// "true"/"false", nulls left out. On an error fields holds a partial result to discard.
simdjson::error_code flatten_object(simdjson::ondemand::object object, JsonFields& fields);

/// Flattens the document's root, which must be an object; INCORRECT_TYPE (with *not_object
/// set) when it is another JSON value, TRAILING_CONTENT when more follows it.
simdjson::error_code flatten_document(simdjson::ondemand::document& doc, JsonFields& fields,
                                      bool* not_object);

/// SUCCESS when only white space follows the value just read, else TRAILING_CONTENT.
simdjson::error_code check_end(simdjson::ondemand::document& doc);

/// "TAPE_ERROR: the JSON document has an improper structure: ...", for messages.
std::string describe_json_error(simdjson::error_code error);

}  // namespace morgue
