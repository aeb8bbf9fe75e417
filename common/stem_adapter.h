#pragma once

#include <map>
#include <string>
#include <string_view>

#include <xapian.h>

namespace morgue {

/// A Xapian::Stem that runs libstemmer's algorithm for an ISO 639-1 language (all of
/// libstemmer's languages, not only those built into Xapian); Xapian::Stem() (no stemming)
/// when libstemmer has none. Each call builds a new stemmer: keep one per thread.
Xapian::Stem make_stemmer(std::string_view iso639_1);

/// Stemmers by language, built on first use; one cache per thread.
class StemmerCache {
  public:
    const Xapian::Stem& get(const std::string& iso639_1);

  private:
    std::map<std::string, Xapian::Stem> stemmers_;
};

}  // namespace morgue
