#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "text/fingerprint.h"
#include "entities/entity.h"

namespace morgue {

/// Where a record came from, for messages ("dump.jsonl:1742") and for ids.
struct Origin {
    std::string path;      ///< display path; an archive member is "archive.tar.gz:member.txt"
    std::size_t line = 0;  ///< 1-based line (JSON Lines, CSV) or record number; 0 for a whole file
};

/// "path:line" (or just "path" for a whole-file record), as diagnostics print it.
std::string to_string(const Origin& origin);

/// One record as a reader found it: field names exactly as in the input (nested JSON keys
/// joined with '.', array elements repeated under the same key) and their text values.
struct Record {
    std::vector<std::pair<std::string, std::string>> fields;
    Origin origin;
    /// For one-article-per-file inputs: the input folder's name plus the path below it.
    std::string file_id;
};

/// A normalised article: what the index stores and what --dry-run prints.
struct Article {
    std::string id;
    std::string title;
    std::string body;
    std::string source;                ///< normalised publisher ("reuters", "nbcnews.com")
    std::string url;
    std::vector<std::string> authors;
    std::optional<std::int64_t> date;  ///< seconds since the Unix epoch, UTC
    std::string lang;                  ///< ISO 639-1, empty when unknown
    std::string content_hash;          ///< exact-copy key (text::content_hash), "" when no text
    std::optional<text::Fingerprint> fingerprint;  ///< near-copy MinHash; none when too short
    std::vector<std::string> topics;   ///< the collection's own subject codes (topic:)
    std::vector<std::string> tags;     ///< the collection's own tags (tag:)
    std::vector<Entity> entities;      ///< people, organisations, places, canonicalised
    /// Fields stored for display only, such as a post's "organization".
    std::vector<std::pair<std::string, std::string>> extra;
    Origin origin;
};

}  // namespace morgue
