#include "diagnostics.h"

namespace morgue {

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
