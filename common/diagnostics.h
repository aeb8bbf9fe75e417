#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "article.h"

namespace morgue {

enum class Severity { warning, error };

/// A per-record or per-file problem that does not stop the run.
struct Diagnostic {
    Severity severity = Severity::warning;
    Origin where;
    std::string message;  ///< says what is wrong and what happened: "invalid JSON (...); record skipped"
    std::string reason;   ///< short key for the summary's skip counts ("invalid JSON", "empty body")
    /// Records the problem cost: 1 for a skipped record, 0 when the record was kept (a note),
    /// N for one message about N skipped records.
    std::uint64_t records_skipped = 1;
};

/// A diagnostic about a record that was indexed all the same.
Diagnostic note(Origin where, std::string message, std::string reason);

using DiagnosticSink = std::function<void(Diagnostic)>;

/// "morgue-index: warning: dump.jsonl:1742: invalid JSON (missing '}'); record skipped"
std::string format_diagnostic(std::string_view program, const Diagnostic& d);

}  // namespace morgue
