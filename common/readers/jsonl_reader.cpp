#include <string>
#include <utility>

#include "json_flatten.h"
#include "readers_impl.h"

namespace morgue {

namespace {

// Control characters (NUL, raw tabs) are invalid inside JSON strings and white space
// elsewhere; dumps written without escaping them are common. True when any were replaced.
bool blank_controls(std::string& line) {
    bool replaced = false;
    for (char& c : line) {
        if (static_cast<unsigned char>(c) < 0x20 && c != ' ') {
            c = ' ';
            replaced = true;
        }
    }
    return replaced;
}

// Parses one line; a record when it is an object, else a diagnostic naming the line.
void read_line(simdjson::ondemand::parser& parser, std::string& line, const InputInfo& info,
               std::size_t line_number, const RecordSink& sink, const DiagnosticSink& diagnostics) {
    Record record;
    record.origin = Origin{info.display_path, line_number};
    simdjson::ondemand::document doc;
    bool not_object = false;
    simdjson::error_code error = start_json(parser, line, doc);
    if (!error) {
        error = flatten_document(doc, record.fields, &not_object);
    }
    if (error == simdjson::UNESCAPED_CHARS && blank_controls(line)) {
        diagnostics(note(record.origin, "control characters in JSON strings read as spaces",
                         "control characters"));
        record.fields.clear();
        error = start_json(parser, line, doc);
        if (!error) {
            error = flatten_document(doc, record.fields, &not_object);
        }
    }
    if (not_object) {
        diagnostics(input_warning(info, line_number, "not a JSON object; record skipped",
                                  "not a JSON object"));
    } else if (error) {
        diagnostics(input_warning(
            info, line_number, "invalid JSON (" + describe_json_error(error) + "); record skipped",
            "invalid JSON"));
    } else {
        sink(std::move(record));
    }
}

}  // namespace

JsonlReader::JsonlReader(std::size_t max_line) : max_line_(max_line) {}

void JsonlReader::read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
                       const DiagnosticSink& diagnostics) {
    // One parser for the whole file: it keeps its buffers from line to line.
    simdjson::ondemand::parser parser;
    LineReader lines(in, max_line_);
    std::string line;
    while (lines.next(line)) {
        const std::size_t number = lines.line_number();
        if (lines.truncated()) {
            diagnostics(input_warning(
                info, number, "line longer than " + size_text(max_line_) + "; record skipped",
                "line too long"));
            continue;
        }
        if (is_blank(number == 1 ? strip_bom(line) : std::string_view(line))) {
            continue;
        }
        read_line(parser, line, info, number, sink, diagnostics);
    }
}

}  // namespace morgue
