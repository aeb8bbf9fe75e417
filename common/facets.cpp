#include "facets.h"

#include <algorithm>
#include <map>

#include "periods.h"
#include "schema.h"

namespace morgue {

namespace {

/// The slots that hold a facet's values: one for single-valued fields, kFacetSlots for the
/// others.
std::vector<Xapian::valueno> slots_of(FacetField field) {
    auto range = [](schema::Slot first) {
        std::vector<Xapian::valueno> slots;
        for (unsigned i = 0; i < schema::kFacetSlots; ++i) {
            slots.push_back(schema::slot_number(first) + i);
        }
        return slots;
    };
    switch (field) {
        case FacetField::source:
            return {schema::slot_number(schema::Slot::source)};
        case FacetField::lang:
            return {schema::slot_number(schema::Slot::lang)};
        case FacetField::topic:
            return range(schema::Slot::topic_first);
        case FacetField::tag:
            return range(schema::Slot::tag_first);
        case FacetField::person:
            return range(schema::Slot::person_first);
        case FacetField::org:
            return range(schema::Slot::org_first);
        case FacetField::place:
            return range(schema::Slot::place_first);
    }
    return {};
}

/// Adds what a spy counted to totals by value.
void add_counts(const Xapian::ValueCountMatchSpy& spy, std::map<std::string, std::uint64_t>& to) {
    for (Xapian::TermIterator it = spy.values_begin(); it != spy.values_end(); ++it) {
        to[*it] += it.get_termfreq();
    }
}

/// The most frequent values first, ties in value order; at most limit of them.
std::vector<FacetValue> top_values(const std::map<std::string, std::uint64_t>& counts,
                                   std::size_t limit) {
    std::vector<FacetValue> values;
    for (const auto& [value, count] : counts) {
        values.push_back(FacetValue{value, count});
    }
    std::stable_sort(values.begin(), values.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    if (values.size() > limit) {
        values.resize(limit);
    }
    return values;
}

/// Documents per period, from a spy on the day slot.
std::map<std::string, std::uint64_t> per_period(const Xapian::ValueCountMatchSpy& days,
                                                Period period) {
    std::map<std::string, std::uint64_t> counts;
    for (Xapian::TermIterator it = days.values_begin(); it != days.values_end(); ++it) {
        counts[period_label(*it, period)] += it.get_termfreq();
    }
    return counts;
}

/// The periods from the first matching day to the last, empty ones included.
std::vector<std::string> all_periods(const Xapian::ValueCountMatchSpy& days, Period period) {
    std::string first;
    std::string last;
    for (Xapian::TermIterator it = days.values_begin(); it != days.values_end(); ++it) {
        if (first.empty() || *it < first) {
            first = *it;
        }
        last = std::max(last, *it);
    }
    return periods_between(first, last, period);
}

/// Documents per period in the whole archive, for each period's share.
std::map<std::string, std::uint64_t> archive_per_period(const Xapian::Database& db, Period period) {
    Xapian::Enquire all(db);
    all.set_query(Xapian::Query::MatchAll);
    Xapian::ValueCountMatchSpy days(schema::slot_number(schema::Slot::day));
    all.add_matchspy(&days);
    all.get_mset(0, 0, db.get_doccount());
    return per_period(days, period);
}

}  // namespace

FacetCounter::FacetCounter(std::vector<FacetSpec> facets, std::optional<Period> histogram)
    : histogram_(histogram) {
    for (const FacetSpec& spec : facets) {
        Counted counted{spec, {}};
        for (Xapian::valueno slot : slots_of(spec.field)) {
            counted.spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot));
        }
        facets_.push_back(std::move(counted));
    }
    if (histogram_) {
        days_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::slot_number(schema::Slot::day));
    }
}

FacetCounter::~FacetCounter() = default;

bool FacetCounter::active() const {
    return !facets_.empty() || histogram_.has_value();
}

void FacetCounter::attach(Xapian::Enquire& enquire) {
    for (Counted& counted : facets_) {
        for (auto& spy : counted.spies) {
            enquire.add_matchspy(spy.get());
        }
    }
    if (days_) {
        enquire.add_matchspy(days_.get());
    }
}

void FacetCounter::collect(SearchResults& results, const Xapian::Database& db,
                           Xapian::doccount matches) const {
    for (const Counted& counted : facets_) {
        std::map<std::string, std::uint64_t> counts;
        for (const auto& spy : counted.spies) {
            add_counts(*spy, counts);
        }
        results.facets.push_back(Facet{counted.spec.field, top_values(counts, counted.spec.limit),
                                       true, {}});
    }
    if (!histogram_) {
        return;
    }
    results.histogram = histogram_;
    std::map<std::string, std::uint64_t> archive = archive_per_period(db, *histogram_);
    std::map<std::string, std::uint64_t> found = per_period(*days_, *histogram_);
    std::uint64_t dated = 0;
    for (const std::string& period : all_periods(*days_, *histogram_)) {
        std::uint64_t count = found[period];
        std::uint64_t total = archive[period];
        results.buckets.push_back(
            Bucket{period, count, total ? static_cast<double>(count) / total : 0.0});
        dated += count;
    }
    if (matches > dated) {
        results.buckets.push_back(Bucket{"undated", matches - dated, std::nullopt});
    }
}

}  // namespace morgue
