#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "hash.h"
#include "tokenizer.h"

namespace morgue::entities {

/// The gazetteer lists a name can be in. Token::gazetteer holds four bits per list, saying
/// where the token sits in the longest match of that list: begin, inside, last, unit.
enum class List : std::uint8_t {
    country,       ///< countries.tsv: names and variants
    region,        ///< regions.txt: subdivisions, regions, seas
    city,          ///< cities.txt
    given_name,    ///< given-names.txt
    person_name,   ///< person-names.txt: given and family names
    company,       ///< companies.txt
    organisation,  ///< organisations.txt
    demonym,       ///< demonyms.tsv: "Russian", "Russians"
};
/// Number of gazetteer lists.
inline constexpr int kListCount = 8;

/// Words that say what a neighbouring name is, as bits of Token::cues.
enum Cue : std::uint16_t {
    kCueTitle = 1u << 0,  ///< President, spokesman, Mr.: a person follows
    kCueOrg = 1u << 1,    ///< Inc., Ministry, Council: an organisation
    kCueLoc = 1u << 2,    ///< region, province, river: a place
    kCueTime = 1u << 3,   ///< Monday, Feb.: never a name, trimmed from the edges of one
};

/// The B/I/L/U bits of a list in Token::gazetteer.
constexpr std::uint32_t list_bits(List list) {
    return 0xFu << (4 * static_cast<unsigned>(list));
}

/// The hash of a token sequence, extended one token key at a time: how names are looked up.
constexpr std::uint64_t extend_sequence(std::uint64_t sequence, std::uint64_t key) {
    return hash_mix(sequence, key);
}

/// The gazetteers (places, names, companies, organisations, demonyms) and cue words of
/// data/entities, indexed by the keys of their tokens, so names match case-insensitively
/// and whatever their apostrophes.
class Lexicon {
  public:
    /// Returns the bytes of a data/entities file by its name; throws when it is missing.
    using Reader = std::function<std::string(std::string_view file_name)>;

    /// Loads every list through read.
    explicit Lexicon(const Reader& read);

    /// Sets Token::gazetteer (longest match per list, starting at candidate tokens, within
    /// a line) and Token::cues of every token.
    void annotate(std::vector<Token>& tokens) const;

    /// The lists (bit per List) whose names are exactly this token sequence.
    std::uint32_t lists_of(std::uint64_t sequence) const;

    /// The spelling a place, company or organisation list gives a token sequence ("LONDON"
    /// -> "London"); empty when no list spells it.
    std::string_view spelling_of(std::uint64_t sequence) const;

    /// The sequence hash of a name, tokenised as an article would be.
    static std::uint64_t sequence_of(std::string_view name);

  private:
    struct Slot {
        std::uint64_t key = 0;
        std::uint32_t bits = 0;
        std::int32_t spelling = -1;
    };

    void add_name(std::string_view name, std::uint32_t bits, bool keep_spelling);
    void mark_names_from(std::vector<Token>& tokens, std::size_t i,
                         std::array<std::size_t, kListCount>& covered) const;
    void add_list(const std::string& content, std::uint32_t bits, bool keep_spelling);
    Slot& slot_for(std::uint64_t key);
    const Slot* find(std::uint64_t key) const;
    void grow();

    std::vector<std::string> files_;
    std::vector<std::string_view> spellings_;
    std::vector<Slot> slots_;
    std::size_t used_ = 0;
    std::vector<Token> scratch_;
};

}  // namespace morgue::entities
