#include "diagnostics.h"

namespace morgue {

Diagnostic note(Origin where, std::string message, std::string reason) {
    return Diagnostic{Severity::warning, std::move(where), std::move(message), std::move(reason),
                      0};
}

std::string format_diagnostic(std::string_view program, const Diagnostic& d) {
    std::string out(program);
    out += d.severity == Severity::error ? ": error: " : ": warning: ";
    std::string where = to_string(d.where);
    if (!where.empty()) {
        out += where + ": ";
    }
    out += d.message;
    return out;
}

}  // namespace morgue
