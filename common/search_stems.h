#pragma once

#include <map>
#include <string>

#include <xapian.h>

namespace morgue {

/// The search side's stemmers, one per language, each remembering the stems it has computed.
/// Snippets stem every word of the text they scan and the same words recur from hit to hit and
/// query to query, so a lookup replaces most Snowball runs. Not thread-safe: one per Searcher.
class SearchStemmers {
  public:
    /// The stemmer of an ISO 639-1 language (no stemming when libstemmer has none).
    const Xapian::Stem& get(const std::string& iso639_1);

  private:
    std::map<std::string, Xapian::Stem> stemmers_;
};

}  // namespace morgue
