#pragma once

#include <memory>
#include <vector>

#include <xapian.h>

#include "search_types.h"

namespace morgue {

/// One match of a query: its place in the MSet it was read from.
struct Match {
    Xapian::MSet mset;
    Xapian::doccount index = 0;
    Xapian::MSetIterator at() const { return mset[index]; }
};

/// Reads the matches of a query in morgue's order, a window at a time: relevance or date, ties
/// broken by date (newest first, undated last) and then by id, so that a query gives the same
/// order on one database and on any shards of it. Local databases sort so with a KeyMaker. The
/// remote backend runs none, so with remote shards the servers sort by the date value alone
/// (Xapian's own sorts), and the ties between the matches they return are put in id order
/// here, reading on past a window until its last tie is whole.
class MatchReader {
  public:
    /// Sets the order on enquire, whose query and weighting are set; stock_sorts when a shard
    /// is remote.
    MatchReader(Xapian::Enquire& enquire, const Xapian::Database& db, SortOrder sort,
                bool stock_sorts);
    ~MatchReader();
    MatchReader(const MatchReader&) = delete;
    MatchReader& operator=(const MatchReader&) = delete;

    /// Runs the query: the matches from first to first + count, in order (fewer at the end).
    /// counted gets the MSet of the run that counted at least
    /// check_at_least matches with the enquire's match spies, for the totals; the spies are
    /// detached after it.
    std::vector<Match> start(Xapian::doccount first, Xapian::doccount count,
                             Xapian::doccount check_at_least, Xapian::MSet& counted);
    /// At least count matches after the last one read (fewer at the end; more to complete a
    /// tie).
    std::vector<Match> next(Xapian::doccount count);

  private:
    struct Run;
    /// The runs of stock sorts that give the order of a sort by date.
    void add_date_runs();
    std::vector<Match> read(Xapian::doccount count);

    Xapian::Enquire& enquire_;
    Xapian::Database db_;
    SortOrder sort_;
    bool stock_sorts_;
    Xapian::doccount next_ = 0;               ///< KeyMaker order: where next() reads
    std::vector<std::unique_ptr<Run>> runs_;  ///< stock sorts: queries read one after another
    std::size_t run_ = 0;                     ///< the run being read
};

}  // namespace morgue
