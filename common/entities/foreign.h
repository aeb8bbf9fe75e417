#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entity.h"

namespace morgue::entities {

/// What morgue extracts from articles not in English. The tagger is trained on English news
/// and reads capitalisation English-style (German capitalises every noun), so for other
/// languages only what a list says reliably is extracted: the country names of the article's
/// language (data/entities/countries-i18n.tsv, 29 languages written with spaces between
/// words), matched whole-word with their capital, as places under their English canonical
/// names ("Russland" -> "Russia"), so facets agree across languages. Other languages get no
/// entities.
class ForeignCountries {
  public:
    /// Loads the table from the contents of countries-i18n.tsv and countries.tsv.
    ForeignCountries(std::string_view i18n_tsv, std::string_view countries_tsv);

    /// The countries an article in language lang (ISO 639-1) names; empty for a language
    /// the table does not cover.
    std::vector<Entity> extract(std::string_view title, std::string_view body,
                                std::string_view lang) const;

  private:
    struct Entry {
        std::int32_t canonical = -1;  ///< index into canonical_, -1 for a prefix only
        bool prefix = false;          ///< some longer name starts with this sequence
    };
    using Table = std::unordered_map<std::uint64_t, Entry>;

    void add(Table& table, std::string_view name, std::int32_t canonical);

    std::vector<std::string> canonical_;
    std::unordered_map<std::string, Table> languages_;
};

}  // namespace morgue::entities
