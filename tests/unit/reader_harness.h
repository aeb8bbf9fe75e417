#pragma once

// Runs a reader over a string and renders what it produced, for the reader tests.

#include <string>
#include <string_view>
#include <utility>

#include "common/readers/reader.h"

namespace morgue::testing {

inline std::string escape(std::string_view s) {
    std::string out;
    for (const char c : s) {
        out += c == '\n' ? std::string("\\n") : std::string(1, c);
    }
    return out;
}

/// What a reader produced, one line per record or diagnostic, in arrival order:
/// "R in:2 | key=value | ..." (with " id=..." for whole-file records) and
/// "D in:3: message [reason]".
inline std::string run(Reader& reader, std::string input) {
    const InputInfo info{"in", "dir/in"};
    std::string out;
    StringSource source(std::move(input));
    reader.read(
        source, info,
        [&](Record&& record) {
            out += "R " + to_string(record.origin);
            if (!record.file_id.empty()) {
                out += " id=" + record.file_id;
            }
            for (const auto& [key, value] : record.fields) {
                out += " | " + key + "=" + escape(value);
            }
            out += "\n";
        },
        [&](Diagnostic d) {
            const std::string where = to_string(d.where);
            out += "D " + where + ": " + d.message + " [" + d.reason + "]\n";
        });
    return out;
}

}  // namespace morgue::testing
