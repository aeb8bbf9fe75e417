#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>

#include <xapian.h>

namespace morgue {

/// The stemmer of a hit's language, and whether its stems keep the first letter of their words:
/// true of most, not of those that strip prefixes (Indonesian "membaca" -> "baca").
struct SnippetStemmer {
    const Xapian::Stem& stem;
    bool keeps_initial = true;
};

/// The SnippetStemmer of an ISO 639-1 language with its stemmer.
SnippetStemmer snippet_stemmer(const Xapian::Stem& stem, std::string_view iso639_1);

/// The words of a query as a snippet looks for them: its free-text terms, matched as they are,
/// and its stemmed terms, matched by stem (field terms are left out: they are not in a body).
class SnippetMatcher {
  public:
    SnippetMatcher() = default;
    explicit SnippetMatcher(const Xapian::Query& query);
    /// True when a lower-case, accent-folded word is one of the query's words.
    bool matches(const std::string& word, const SnippetStemmer& stemmer) const;
    /// False when no word starting with this byte (of the unfolded text) can match: a cheap
    /// test that spares most words of a body folding and lookups.
    bool may_start_with(char c, const SnippetStemmer& stemmer) const {
        auto byte = static_cast<unsigned char>(c);
        byte = byte >= 'A' && byte <= 'Z' ? byte + 32 : byte;
        return byte >= 0x80 || word_initials_[byte] ||
               (!stems_.empty() && (!stemmer.keeps_initial || stem_initials_[byte]));
    }
    /// True when the query has no words to look for (match-all, fields only).
    bool empty() const { return words_.empty() && stems_.empty(); }

  private:
    std::unordered_set<std::string> words_;
    std::unordered_set<std::string> stems_;
    /// First bytes of the words and of the stems: a word starting otherwise cannot match.
    std::array<bool, 256> word_initials_{};
    std::array<bool, 256> stem_initials_{};
};

/// A snippet of at most about `length` bytes of body (plus "…" marks): from the start of the
/// sentence holding the first word that matches (or a few words before that word when the
/// sentence starts far earlier, or the start of the body), cut after a whole word, with "…"
/// where text is left out and each matching word between kMarkStart and kMarkEnd. A body of at
/// most `length` bytes is shown whole.
///
/// Xapian's MSet::snippet tokenises and stems the whole text and weighs every window of it;
/// this reads only the words before the first match and those shown, folding each and stemming
/// it at most once through the caller's memoised stemmer, for a fraction of the cost.
std::string make_snippet(std::string_view body, const SnippetMatcher& matcher,
                         const SnippetStemmer& stemmer, std::size_t length);

}  // namespace morgue
