#pragma once

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
};

using DiagnosticSink = std::function<void(Diagnostic)>;

/// "morgue-index: warning: dump.jsonl:1742: invalid JSON (missing '}'); record skipped"
std::string format_diagnostic(std::string_view program, const Diagnostic& d);

}  // namespace morgue
