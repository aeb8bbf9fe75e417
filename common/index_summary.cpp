#include "index_summary.h"

#include <algorithm>
#include <cstdio>

namespace morgue {

void IndexSummary::report(const Diagnostic& d) {
    Tally& tally = (d.records_skipped > 0 ? skipped_ : notes_)[d.reason.empty() ? d.message
                                                                                : d.reason];
    tally.count += std::max<std::uint64_t>(d.records_skipped, 1);
    ++tally.reports;
    if (tally.locations.size() < kListedLocations) {
        tally.locations.push_back(to_string(d.where));
    }
    std::uint64_t& printed = printed_[d.reason];
    ++printed;
    if (quiet_ && d.severity == Severity::warning) {
        return;
    }
    if (printed <= kPrintedPerReason) {
        err_ << format_diagnostic("morgue-index", d) << '\n';
    } else if (printed == kPrintedPerReason + 1) {
        err_ << "morgue-index: note: more \"" << d.reason
             << "\" warnings follow; they are counted in the summary only\n";
    }
}

std::uint64_t IndexSummary::skipped() const {
    std::uint64_t total = 0;
    for (const auto& [reason, tally] : skipped_) {
        total += tally.count;
    }
    return total;
}

void IndexSummary::print_tallies(std::ostream& err, const char* what,
                                 const std::map<std::string, Tally>& tallies) {
    for (const auto& [reason, tally] : tallies) {
        err << "morgue-index: " << what << ' ' << tally.count << ": " << reason << " (";
        for (std::size_t i = 0; i < tally.locations.size(); ++i) {
            err << (i ? ", " : "") << tally.locations[i];
        }
        err << (tally.reports > tally.locations.size() ? ", ...)\n" : ")\n");
    }
}

void IndexSummary::print(double seconds) const {
    std::uint64_t done = added + replaced;
    char rate[64];
    std::snprintf(rate, sizeof rate, "%.2f s, %.0f docs/s", seconds,
                  seconds > 0 ? static_cast<double>(done) / seconds : 0.0);
    err_ << "morgue-index: " << added << " added, " << replaced << " replaced, " << skipped()
         << " skipped, " << undated << " undated";
    if (deleted > 0) {
        err_ << ", " << deleted << " deleted";
    }
    err_ << "; " << files_read << " files read, " << files_unchanged << " unchanged";
    if (files_failed > 0) {
        err_ << ", " << files_failed << " unreadable";
    }
    err_ << "; " << rate << '\n';
    print_tallies(err_, "skipped", skipped_);
    print_tallies(err_, "noted", notes_);
}

}  // namespace morgue
