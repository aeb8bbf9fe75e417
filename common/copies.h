#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace morgue {

/// Finds the copies of a story: exact copies share a content-hash term, near copies share a
/// MinHash band term and are confirmed by comparing fingerprints (text/fingerprint.h). Only
/// term lookups and stored values: it works alike on one database, on shards and on remote
/// databases, and needs no clustering at index time.
class CopyFinder {
  public:
    explicit CopyFinder(const Xapian::Database& db) : db_(db) {}

    /// The documents among those matching within (MatchAll: the whole archive) that are copies
    /// of document doc, in id order; doc itself is left out.
    std::vector<Xapian::docid> copies_of(Xapian::docid doc, const Xapian::Query& within) const;

  private:
    const Xapian::Database& db_;
};

}  // namespace morgue
