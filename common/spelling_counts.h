#pragma once

#include <string>
#include <unordered_map>

#include <xapian.h>

namespace morgue {

/// The words of documents, counted as "did you mean" data and handed to Xapian once per word:
/// its add_spelling() is far dearer than a hash table, and most words recur in many documents.
class SpellingCounts {
  public:
    /// Counts the free-text words of a document (its unprefixed terms), with their wdf.
    void count(const Xapian::Document& doc);
    /// Adds the counts to the database's spelling data and forgets them.
    void add_to(Xapian::WritableDatabase& db);
    /// Takes over the counts of other, which is left empty.
    void merge(SpellingCounts& other);

  private:
    std::unordered_map<std::string, Xapian::termcount> counts_;
};

}  // namespace morgue
