#pragma once

#include <optional>
#include <vector>

#include "article.h"
#include "dates.h"
#include "diagnostics.h"
#include "readers/field_map.h"

namespace morgue {

/// What turns records into articles, the same for every record of a run.
struct PipelineOptions {
    FieldMap fields;
    dates::TimeZone tz;            ///< for zone-less dates
    bool extract_entities = true;  ///< run the entity extractor (records' own lists are kept)
    bool near_copies = true;       ///< compute the MinHash fingerprint that finds near copies
    std::string language;          ///< language of records naming none; empty: detect it
};

/// Turns one record into a normalised article: a pure function of the record, safe to run on
/// any thread. Fixes the text encoding, takes the title (or derives it by the plain-text
/// convention), cleans the body, picks the best date, normalises source and language (detected
/// when the record has none), extracts entities (merged with the record's own lists), and
/// assigns the unique id. Problems that leave the article usable
/// (an unparseable date) and problems that drop it (nothing to index) are appended to notes;
/// nullopt means the record is skipped.
std::optional<Article> build_article(const Record& record, const PipelineOptions& options,
                                     std::vector<Diagnostic>& notes);

/// The unique id rule: the record's own id; else its normalised URL; else, for
/// one-article-per-file inputs, the input folder's name plus the path below it; else a hash
/// of the content.
std::string article_id(std::string_view own_id, std::string_view url, std::string_view file_id,
                       std::string_view title, std::string_view body);

}  // namespace morgue
