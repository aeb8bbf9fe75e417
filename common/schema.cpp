#include "schema.h"

#include <charconv>

#include "entities/extractor.h"
#include "errors.h"
#include "ids.h"
#include "text/language.h"
#include "text/unicode.h"

namespace morgue::schema {

namespace {

/// Bytes kept of an over-long value before its digest: room for prefix, '#' and 32 hex digits.
std::size_t kept_bytes(std::string_view prefix) {
    return kMaxTermLength - prefix.size() - 1 - 32;
}

/// Cuts s to at most n bytes without splitting a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view s, std::size_t n) {
    if (s.size() <= n) {
        return s;
    }
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) {
        --n;
    }
    return s.substr(0, n);
}

/// URLs by the URL rule; other ids exactly as given (trimmed), since ids may be case-sensitive.
std::string normalise_identifier(std::string_view field, std::string_view value) {
    std::string url = normalise_url(text::trim(value));
    if (!url.empty()) {
        return url;
    }
    return field == "id" ? std::string(text::trim(value)) : text::fold_value(value);
}

}  // namespace

std::string boolean_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    if (prefix.size() + value.size() <= kMaxTermLength) {
        term += value;
        return term;
    }
    term += utf8_prefix(value, kept_bytes(prefix));
    term += '#';
    term += hex_digest(value);
    return term;
}

std::string normalise_value(std::string_view field, std::string_view raw) {
    if (field == "url" || field == "id") {
        return normalise_identifier(field, raw);
    }
    // Accents are folded as in free text, so source:Societe finds "Société".
    std::string folded = text::fold_accents(raw);
    std::string_view value = folded;
    if (field == "source") {
        return normalise_source(value);
    }
    if (field == "site") {
        std::string host = url_host(value);
        return host.empty() ? normalise_source(value) : host;
    }
    if (field == "lang") {
        std::string code = text::normalise_language(value);
        return code.empty() ? text::fold_value(value) : code;
    }
    return text::fold_value(value);
}

std::string id_term(std::string_view id) {
    return boolean_term(kIdPrefix, normalise_value("id", id));
}

std::string_view entity_prefix(EntityType type) {
    switch (type) {
        case EntityType::person:
            return kPersonPrefix;
        case EntityType::organisation:
            return kOrgPrefix;
        case EntityType::location:
            return kPlacePrefix;
    }
    return kPersonPrefix;
}

std::string entity_term(EntityType type, std::string_view name) {
    std::string canonical = entities::canonical_name(type, name);
    return boolean_term(entity_prefix(type), text::fold_value(text::fold_accents(canonical)));
}

const FieldSpec* find_field(std::string_view name) {
    for (const FieldSpec& spec : kFields) {
        if (spec.name == name) {
            return &spec;
        }
    }
    return nullptr;
}

void check_schema_version(const std::string& path, const std::string& version,
                          std::string_view program) {
    int number = 0;
    auto [end, error] = std::from_chars(version.data(), version.data() + version.size(), number);
    if (error != std::errc() || end != version.data() + version.size() || number < 1) {
        throw DatabaseError("database '" + path + "' has an unreadable schema version '" +
                            version + "' (this morgue's is " + std::to_string(kSchemaVersion) +
                            "); it was not written by morgue, or is damaged");
    }
    if (number > kSchemaVersion) {
        throw DatabaseError("database '" + path + "' has schema version " + version +
                            ", newer than this morgue's " + std::to_string(kSchemaVersion) +
                            "; use a newer " + std::string(program));
    }
}

}  // namespace morgue::schema
