#include "match_reader.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "dates.h"
#include "query.h"
#include "schema.h"

namespace morgue {

namespace {

/// Date, then id: undated articles last in both directions (they have no date value, and the
/// key maker gives them a key above every date when sorting oldest first), and equal dates in
/// id order, so that the same query on the same database always gives the same order.
Xapian::KeyMaker* date_then_id_key(bool newest_first) {
    auto* keys = new Xapian::MultiValueKeyMaker();
    keys->add_value(schema::slot_number(schema::Slot::date), newest_first,
                    newest_first ? std::string() : std::string(16, '\xff'));
    keys->add_value(schema::slot_number(schema::Slot::id));
    return keys->release();
}

/// Matches read at a time past a window's end while they tie with its last one.
constexpr Xapian::doccount kTieBatch = 50;

std::vector<Match> matches_of(const Xapian::MSet& mset) {
    std::vector<Match> matches;
    for (Xapian::doccount i = 0; i < mset.size(); ++i) {
        matches.push_back(Match{mset, i});
    }
    return matches;
}

std::string id_of(const Match& match) {
    return match.at().get_document().get_value(schema::slot_number(schema::Slot::id));
}

}  // namespace

/// One query read in the order of a stock sort, from the servers' first match on.
struct MatchReader::Run {
    explicit Run(Xapian::Enquire query, bool weights = false)
        : enquire(std::move(query)), by_weight(weights) {}

    Xapian::Enquire enquire;
    bool by_weight = false;               ///< a tie needs equal weights too (relevance order)
    Xapian::doccount position = 0;        ///< the servers' position of the next match to read
    bool done = false;                    ///< every match read
    std::optional<Xapian::MSet> pending;  ///< read already, from position 0
    Xapian::doccount pending_asked = 0;

    bool ties(const Match& a, const Match& b) const {
        Xapian::MSetIterator x = a.at();
        Xapian::MSetIterator y = b.at();
        return x.get_sort_key() == y.get_sort_key() &&
               (!by_weight || x.get_weight() == y.get_weight());
    }

    /// Appends up to n matches after those in got; false when the servers have no more.
    bool fetch(std::vector<Match>& got, Xapian::doccount n) {
        Xapian::MSet mset;
        if (pending && got.empty()) {
            mset = *pending;
            n = pending_asked;
            pending.reset();
        } else {
            mset = enquire.get_mset(position + static_cast<Xapian::doccount>(got.size()), n);
        }
        std::vector<Match> more = matches_of(mset);
        got.insert(got.end(), more.begin(), more.end());
        return mset.size() == n;
    }

    /// Each run of ties in id order: the servers leave them in document order, which depends
    /// on how the archive is sharded.
    void order_ties(std::vector<Match>& got) const {
        for (std::size_t i = 0; i < got.size();) {
            std::size_t j = i + 1;
            while (j < got.size() && ties(got[j - 1], got[j])) {
                ++j;
            }
            if (j - i > 1) {
                std::stable_sort(
                    got.begin() + i, got.begin() + j,
                    [](const Match& a, const Match& b) { return id_of(a) < id_of(b); });
            }
            i = j;
        }
    }

    /// At least count matches (fewer at the end), and on while the next ties with the last.
    std::vector<Match> read(Xapian::doccount count) {
        std::vector<Match> got;
        bool more = fetch(got, count + 1);
        std::size_t end = std::min<std::size_t>(count, got.size());
        for (;;) {
            while (end > 0 && end < got.size() && ties(got[end - 1], got[end])) {
                ++end;
            }
            if (end < got.size() || !more) {
                break;
            }
            more = fetch(got, kTieBatch);
        }
        done = !more && end == got.size();
        got.resize(end);
        position += static_cast<Xapian::doccount>(end);
        order_ties(got);
        return got;
    }
};

MatchReader::MatchReader(Xapian::Enquire& enquire, const Xapian::Database& db, SortOrder sort,
                         bool stock_sorts)
    : enquire_(enquire), db_(db), sort_(sort), stock_sorts_(stock_sorts) {
    auto date = schema::slot_number(schema::Slot::date);
    if (!stock_sorts_ && sort == SortOrder::relevance) {
        enquire_.set_sort_by_relevance_then_key(date_then_id_key(true), false);
    } else if (!stock_sorts_) {
        enquire_.set_sort_by_key(date_then_id_key(sort == SortOrder::newest), false);
    } else if (sort == SortOrder::relevance) {
        enquire_.set_sort_by_relevance_then_value(date, true);
    } else {
        enquire_.set_sort_by_value(date, sort == SortOrder::newest);
    }
}

MatchReader::~MatchReader() = default;

void MatchReader::add_date_runs() {
    Xapian::Query query = enquire_.get_query();
    Xapian::Query dated = date_filter(dates::DateRange{});
    auto add = [this](const Xapian::Query& part, schema::Slot slot, bool reverse) {
        auto run = std::make_unique<Run>(Xapian::Enquire(db_));
        run->enquire.set_query(part);
        run->enquire.set_weighting_scheme(Xapian::BoolWeight());
        run->enquire.set_sort_by_value(schema::slot_number(slot), reverse);
        runs_.push_back(std::move(run));
    };
    // A stock sort puts matches without a value first in ascending order: undated articles are
    // read apart, after the others, in id order.
    add(Xapian::Query(Xapian::Query::OP_FILTER, query, dated), schema::Slot::date,
        sort_ != SortOrder::oldest);
    add(Xapian::Query(Xapian::Query::OP_AND_NOT, query, dated), schema::Slot::id, false);
}

std::vector<Match> MatchReader::start(Xapian::doccount first, Xapian::doccount count,
                                      Xapian::doccount check_at_least, Xapian::MSet& counted) {
    if (!stock_sorts_) {
        counted = enquire_.get_mset(first, count, check_at_least);
        enquire_.clear_matchspies();
        next_ = first + counted.size();
        return matches_of(counted);
    }
    // As many as a KeyMaker sort would read, for estimates alike; one more to see a tie.
    Xapian::doccount asked = first + count + (sort_ == SortOrder::relevance ? 1 : 0);
    counted = enquire_.get_mset(0, asked, check_at_least);
    enquire_.clear_matchspies();
    if (sort_ == SortOrder::relevance && counted.get_max_possible() > 0) {
        runs_.push_back(std::make_unique<Run>(enquire_, true));
        runs_.back()->pending = counted;
        runs_.back()->pending_asked = asked;
    } else {
        add_date_runs();  // under relevance, every weight is 0: newest first, as the KeyMaker
    }
    std::vector<Match> prefix = read(first + count);
    if (prefix.size() <= first) {
        return {};
    }
    std::size_t end = std::min<std::size_t>(prefix.size(), std::size_t{first} + count);
    return {prefix.begin() + first, prefix.begin() + static_cast<std::ptrdiff_t>(end)};
}

std::vector<Match> MatchReader::next(Xapian::doccount count) {
    if (!stock_sorts_) {
        Xapian::MSet mset = enquire_.get_mset(next_, count);
        next_ += mset.size();
        return matches_of(mset);
    }
    return read(count);
}

std::vector<Match> MatchReader::read(Xapian::doccount count) {
    std::vector<Match> out;
    while (out.size() < count && run_ < runs_.size()) {
        std::vector<Match> got =
            runs_[run_]->read(count - static_cast<Xapian::doccount>(out.size()));
        out.insert(out.end(), got.begin(), got.end());
        if (runs_[run_]->done) {
            ++run_;
        }
    }
    return out;
}

}  // namespace morgue
