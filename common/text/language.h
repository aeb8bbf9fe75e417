#pragma once

#include <string>
#include <string_view>
#include <vector>

// libstemmer's handle, declared at global scope so that SnowballStemmer's member names it rather
// than declaring a new morgue::text::sb_stemmer.
struct sb_stemmer;

namespace morgue::text {

/// ISO 639-1 code of the text's language from CLD2, or "" when the text is too short or the
/// guess is not reliable.
std::string detect_language(std::string_view title, std::string_view body);

/// A language as records and users write it ("en", "EN-us", "eng", "English", "Deutsch") as
/// ISO 639-1 ("en", "de"); "" when unknown.
std::string normalise_language(std::string_view value);

/// The Snowball (libstemmer) algorithm for an ISO 639-1 code ("en" -> "english"), "" when
/// libstemmer has none.
std::string snowball_algorithm(std::string_view iso639_1);

/// True for languages written without spaces between words (zh, ja, ko), indexed as CJK n-grams.
bool is_cjk_language(std::string_view iso639_1);

/// A libstemmer stemmer for one language; one per thread (libstemmer is not thread-safe).
class SnowballStemmer {
  public:
    /// algorithm as from snowball_algorithm(); throws std::invalid_argument when unknown.
    explicit SnowballStemmer(const std::string& algorithm);
    ~SnowballStemmer();
    SnowballStemmer(const SnowballStemmer&) = delete;
    SnowballStemmer& operator=(const SnowballStemmer&) = delete;
    /// The stem of one lower-case UTF-8 word.
    std::string stem(std::string_view word);
    const std::string& algorithm() const { return algorithm_; }

  private:
    std::string algorithm_;
    struct sb_stemmer* stemmer_;
};

}  // namespace morgue::text
