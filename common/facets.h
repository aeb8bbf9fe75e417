#pragma once

#include <memory>
#include <optional>
#include <vector>

#include <xapian.h>

#include "search_types.h"

namespace morgue {

/// Counts facets and timelines over every match of a search with Xapian's ValueCountMatchSpy,
/// one per value slot (multi-valued fields spread over several slots, see schema.h): a class
/// that the stock remote server knows, so sharded and remote archives count alike.
class FacetCounter {
  public:
    FacetCounter(std::vector<FacetSpec> facets, std::optional<Period> histogram);
    ~FacetCounter();
    FacetCounter(const FacetCounter&) = delete;
    FacetCounter& operator=(const FacetCounter&) = delete;

    /// True when there is anything to count (the search must then see every match).
    bool active() const;
    /// Adds the spies to an enquire before get_mset.
    void attach(Xapian::Enquire& enquire);
    /// Fills results.facets, .histogram and .buckets from what the spies saw; matches is the
    /// exact number of matching documents, db the archive (for each period's share).
    void collect(SearchResults& results, const Xapian::Database& db,
                 Xapian::doccount matches) const;

  private:
    struct Counted {
        FacetSpec spec;
        std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
    };
    std::vector<Counted> facets_;
    std::optional<Period> histogram_;
    std::unique_ptr<Xapian::ValueCountMatchSpy> days_;
};

}  // namespace morgue
