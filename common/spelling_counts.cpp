#include "spelling_counts.h"

namespace morgue {

void SpellingCounts::count(const Xapian::Document& doc) {
    // Unprefixed terms are the words of the free text; prefixed ones start with a capital.
    for (Xapian::TermIterator it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string& term = *it;
        unsigned char first = static_cast<unsigned char>(term[0]);
        if (!(first >= 'A' && first <= 'Z') && term.size() > 2 && term.size() < 30) {
            counts_[term] += it.get_wdf();
        }
    }
}

void SpellingCounts::add_to(Xapian::WritableDatabase& db) {
    for (const auto& [word, count] : counts_) {
        db.add_spelling(word, count);
    }
    counts_.clear();
}

void SpellingCounts::merge(SpellingCounts& other) {
    if (counts_.empty()) {
        counts_.swap(other.counts_);
        return;
    }
    for (const auto& [word, count] : other.counts_) {
        counts_[word] += count;
    }
    other.counts_.clear();
}

}  // namespace morgue
