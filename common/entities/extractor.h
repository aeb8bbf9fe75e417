#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "entity.h"

namespace morgue::entities {

/// Finds the people, organisations and places an article mentions. Loads its model and
/// gazetteers once (they are compiled into the program); extract() is const and thread-safe.
class Extractor {
  public:
    /// The process-wide extractor, built on first use.
    static const Extractor& shared();

    /// Entities of an article's cleaned title and body, canonicalised, each listed once per
    /// type with its mentions; lang is the article's ISO 639-1 code ("" when unknown).
    std::vector<Entity> extract(std::string_view title, std::string_view body,
                                std::string_view lang) const;

    Extractor(const Extractor&) = delete;
    Extractor& operator=(const Extractor&) = delete;
    ~Extractor();

  private:
    Extractor();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// The canonical name of an entity named by a record or typed in a query: the alias table's
/// name when it knows the variant ("US", "U.S.", "USA", "America" -> "United States"),
/// else the name with its spacing tidied. Cheap: does not load the model.
std::string canonical_name(EntityType type, std::string_view name);

/// Merges entities a record carries (names, already canonicalised by the caller or not) into
/// extracted ones: same type and canonical name become one entry.
void merge_entities(std::vector<Entity>& into, std::vector<Entity> more);

}  // namespace morgue::entities
