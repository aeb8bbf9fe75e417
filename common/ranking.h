#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace morgue {

/// BM25's k1 (how fast repeats of a word stop counting) and b (how much a long article's
/// words count less), chosen on four test collections together (README "Ranking").
inline constexpr double kBm25K1 = 1.5;
inline constexpr double kBm25B = 0.7;

/// The weighting of relevance order: BM25 with kBm25K1 and kBm25B.
const Xapian::Weight& relevance_weight();

/// The query with the capitals that mark no name lower-cased, so that those words are stemmed
/// like any other: the first word of a sentence (unless a capitalised word follows it, as in
/// "Sao Paulo"), and the words of a headline typed in title case (three or more capitalised
/// words in a row). Words in quotes, field:value tokens and words in capitals only (acronyms,
/// operators) are left as typed.
std::string lower_incidental_capitals(std::string_view text);

/// How many of the best matches --expand learns from.
inline constexpr Xapian::doccount kFeedbackArticles = 10;

/// Pseudo-relevance feedback (--expand): the query, with the matches it already has reordered
/// by the words that best set its best matches apart (best: its first kFeedbackArticles
/// matches, when the first has a weight). Sets the query on enquire, whose weighting must be
/// set; the matches themselves do not change.
Xapian::Query expanded_query(Xapian::Enquire& enquire, const Xapian::Query& query,
                             const Xapian::RSet& best);

}  // namespace morgue
