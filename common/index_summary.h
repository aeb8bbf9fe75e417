#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "diagnostics.h"

namespace morgue {

/// The counts an indexing run reports at its end, and the per-record warnings it prints on the
/// way (at most kPrintedPerReason of each kind, the rest counted).
class IndexSummary {
  public:
    static constexpr std::size_t kPrintedPerReason = 20;
    static constexpr std::size_t kListedLocations = 5;

    explicit IndexSummary(std::ostream& err, bool quiet) : err_(err), quiet_(quiet) {}

    /// Prints a diagnostic (unless too many of its kind were printed) and counts it: as the
    /// records it skipped, or as a note when the record was kept.
    void report(const Diagnostic& d);

    std::uint64_t added = 0;
    std::uint64_t replaced = 0;
    std::uint64_t undated = 0;
    std::uint64_t deleted = 0;
    std::uint64_t files_read = 0;
    std::uint64_t files_unchanged = 0;
    std::uint64_t files_failed = 0;

    /// Records skipped, all reasons together.
    std::uint64_t skipped() const;
    /// The closing summary on stderr.
    void print(double seconds) const;
    /// The stream it reports on, for other lines of the same run (progress).
    std::ostream& stream() { return err_; }

  private:
    struct Tally {
        std::uint64_t count = 0;    ///< records (or notes) counted
        std::uint64_t reports = 0;  ///< diagnostics that counted them
        std::vector<std::string> locations;
    };
    static void print_tallies(std::ostream& err, const char* what,
                              const std::map<std::string, Tally>& tallies);

    std::ostream& err_;
    bool quiet_;
    std::map<std::string, Tally> skipped_;
    std::map<std::string, Tally> notes_;
    std::map<std::string, std::uint64_t> printed_;
};

}  // namespace morgue
