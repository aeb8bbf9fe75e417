#include <string>
#include <utility>

#include "../text/unicode.h"
#include "readers_impl.h"

namespace morgue {

namespace {

// A cut at the size limit may fall inside a multi-byte character: drop its leading bytes so
// the cut does not read as a Windows-1252 file.
void drop_partial_character(std::string& s) {
    std::size_t continuation = 0;
    while (continuation < s.size() && continuation < 3 &&
           (static_cast<unsigned char>(s[s.size() - 1 - continuation]) & 0xC0) == 0x80) {
        ++continuation;
    }
    if (continuation == s.size()) {
        return;
    }
    const auto lead = static_cast<unsigned char>(s[s.size() - 1 - continuation]);
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (length > continuation + 1) {
        s.resize(s.size() - 1 - continuation);
    }
}

}  // namespace

TextReader::TextReader(std::size_t max_file) : max_file_(max_file) {}

void TextReader::read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
                      const DiagnosticSink& diagnostics) {
    bool truncated = false;
    std::string content = read_all(in, max_file_, &truncated);
    if (truncated) {
        drop_partial_character(content);
        diagnostics(note(Origin{info.display_path, 0},
                         "file larger than " + size_text(max_file_) + "; only its first " +
                             size_text(max_file_) + " read",
                         "file truncated"));
    }
    const std::string_view body = strip_bom(content);
    if (is_blank(body)) {
        diagnostics(input_warning(info, 0, "empty file; skipped", "empty file"));
        return;
    }
    Record record;
    // Records carry UTF-8; old plain-text archives are often Windows-1252.
    record.fields.emplace_back("body",
                               text::is_valid_utf8(body) ? std::string(body) : text::to_utf8(body));
    record.origin = Origin{info.display_path, 0};
    record.file_id = info.file_id;
    sink(std::move(record));
}

}  // namespace morgue
