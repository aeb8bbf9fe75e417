#pragma once

#include <array>
#include <string>
#include <string_view>

#include "entities/entity.h"

namespace morgue::schema {

// The one table of searchable fields, read by the index writer and by the query parser.
//
// Free text (no prefix) is the title and the body, positional, stemmed with the article's
// language (stemmed terms carry Xapian's "Z" prefix) and accent-folded; the title is also
// indexed with "S" and weighted up in the free text. Boolean fields hold one normalised term
// per value (text::fold_value, hosts without "www."); a value too long for a Xapian term is
// stored as its first bytes plus a digest (boolean_term). The date is a value slot holding
// Xapian::sortable_serialise(seconds since the epoch, UTC); undated articles have none, nor a
// day value. Source, language, day and id have slots of their own for facets, timelines and
// reproducible ordering.
//
// Document data is a JSON object with the stored fields (stored_fields.h): id, title, source,
// date (UTC seconds or null), url, lang, authors, body, origin.
//
// Entities are boolean terms of their canonical names (XPER:, XORG:, XLOC:), topics and tags
// of a collection's own codes (XTOPIC:, XTAG:); all of them are also in the document data.
//
// Metadata: kSchemaVersionKey holds kSchemaVersion; kLanguagesKey the space-separated ISO
// codes present; kFileStatePrefix + digest(path) holds "size mtime" of each indexed file;
// kShardingKey, in each shard of a sharded archive, the archive's layout (shards.h).

enum class FieldKind {
    text,     ///< words, through the query parser
    boolean,  ///< one normalised term per value
    entity,   ///< a boolean field whose values are canonicalised through the alias table
    any_entity,  ///< entity: matches a person, an organisation or a place
    date,     ///< a range over the date slot
};

/// One query field.
struct FieldSpec {
    std::string_view name;    ///< as typed in queries: "title", "source"
    std::string_view prefix;  ///< Xapian term prefix
    FieldKind kind;
};

inline constexpr std::string_view kIdPrefix = "Q";
inline constexpr std::string_view kTitlePrefix = "S";
inline constexpr std::string_view kAuthorPrefix = "A";
inline constexpr std::string_view kSourcePrefix = "XSOURCE:";
inline constexpr std::string_view kLangPrefix = "L";
/// The language "code" of articles whose language is unknown ("Lund"; ISO 639-2's
/// "undetermined"), so that the searcher can pick them out with a short posting list.
inline constexpr std::string_view kUndeterminedLanguage = "und";
inline constexpr std::string_view kSitePrefix = "H";
inline constexpr std::string_view kUrlPrefix = "U";
inline constexpr std::string_view kYearPrefix = "Y";  ///< "Y2022": cheap year filters and counts
inline constexpr std::string_view kHashPrefix = "XHASH:";  ///< exact-copy key: copies by lookup
inline constexpr std::string_view kBandPrefix = "XMH:";    ///< MinHash band keys: near copies
inline constexpr std::string_view kTopicPrefix = "XTOPIC:";
inline constexpr std::string_view kTagPrefix = "XTAG:";
inline constexpr std::string_view kPersonPrefix = "XPER:";
inline constexpr std::string_view kOrgPrefix = "XORG:";
inline constexpr std::string_view kPlacePrefix = "XLOC:";

inline constexpr std::array<FieldSpec, 14> kFields = {{
    {"title", kTitlePrefix, FieldKind::text},
    {"author", kAuthorPrefix, FieldKind::text},
    {"source", kSourcePrefix, FieldKind::boolean},
    {"lang", kLangPrefix, FieldKind::boolean},
    {"site", kSitePrefix, FieldKind::boolean},
    {"url", kUrlPrefix, FieldKind::boolean},
    {"id", kIdPrefix, FieldKind::boolean},
    {"topic", kTopicPrefix, FieldKind::boolean},
    {"tag", kTagPrefix, FieldKind::boolean},
    {"person", kPersonPrefix, FieldKind::entity},
    {"org", kOrgPrefix, FieldKind::entity},
    {"place", kPlacePrefix, FieldKind::entity},
    {"entity", "", FieldKind::any_entity},
    {"date", "", FieldKind::date},
}};

/// Value slots.
enum class Slot : unsigned {
    date = 0,    ///< sortable_serialise(UTC seconds)
    source = 1,  ///< normalised source, for facets
    lang = 2,    ///< ISO 639-1, for facets
    day = 3,     ///< "YYYY-MM-DD" (UTC), for timelines
    id = 4,      ///< the normalised unique id, to break ranking ties reproducibly
    content_hash = 5,  ///< exact-copy key, the collapse key of --collapse
    fingerprint = 6,   ///< serialised MinHash, to tell near copies (text/fingerprint.h)
    // Multi-valued fields keep up to kFacetSlots values, each in its own slot from the field's
    // first slot on, so that facets count them with Xapian's own ValueCountMatchSpy (one per
    // slot), which remote shards also run.
    topic_first = 16,
    tag_first = 32,
    person_first = 48,
    org_first = 64,
    place_first = 80,
};

/// Values of a multi-valued field kept for facets (entities: the most mentioned first).
inline constexpr unsigned kFacetSlots = 12;

/// The slot number of a value slot, as Xapian takes it.
constexpr unsigned slot_number(Slot slot) {
    return static_cast<unsigned>(slot);
}

inline constexpr int kSchemaVersion = 1;
inline constexpr std::string_view kSchemaVersionKey = "morgue:schema_version";

/// Throws DatabaseError when a database's stored schema version (not empty) is one this morgue
/// cannot use: newer than kSchemaVersion (naming both versions and the program to update), or
/// not a version number at all. Every version up to kSchemaVersion is read; 1 is the first.
void check_schema_version(const std::string& path, const std::string& version,
                          std::string_view program);
inline constexpr std::string_view kLanguagesKey = "morgue:languages";
inline constexpr std::string_view kFileStatePrefix = "morgue:file:";
/// In a shard of a sharded archive: "hash N", "year" or "month" (shards.h).
inline constexpr std::string_view kShardingKey = "morgue:sharding";

/// Weight of title words in the free text, relative to body words.
inline constexpr unsigned kTitleWeight = 3;

/// Longest term Xapian accepts.
inline constexpr std::size_t kMaxTermLength = 245;

/// prefix + value, or prefix + the value's first bytes + "#" + digest when that would exceed
/// kMaxTermLength. value is already normalised.
std::string boolean_term(std::string_view prefix, std::string_view value);

/// The normalised form of a boolean field's value, identical at index and query time:
/// accents folded and text::fold_value, plus for "site" and "source" a host without "www.",
/// for "lang" the ISO 639-1 code; "url" and "id" values that are URLs follow normalise_url,
/// other ids are only trimmed (ids may be case-sensitive).
std::string normalise_value(std::string_view field, std::string_view value);

/// The unique-id term of an article id ("Q" + normalised id, digested when too long).
std::string id_term(std::string_view id);
/// The term prefix of an entity type (XPER:, XORG:, XLOC:).
std::string_view entity_prefix(EntityType type);

/// The term of an entity, identical at index and query time: the canonical name (alias table)
/// with accents folded and text::fold_value.
std::string entity_term(EntityType type, std::string_view name);

/// The field spec of a name, or nullptr.
const FieldSpec* find_field(std::string_view name);

}  // namespace morgue::schema
