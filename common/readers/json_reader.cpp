#include <string>
#include <utility>

#include "json_flatten.h"
#include "readers_impl.h"

namespace morgue {

namespace {

namespace od = simdjson::ondemand;

// What the JSON reader needs to hand on records and report problems for one file.
struct JsonFile {
    const InputInfo& info;
    const RecordSink& sink;
    const DiagnosticSink& diagnostics;

    void invalid(std::size_t line, simdjson::error_code error, std::string_view what) const {
        std::string message = "invalid JSON (" + describe_json_error(error) + "); ";
        message += what;
        diagnostics(input_warning(info, line, std::move(message), "invalid JSON"));
    }
};

// An object element becomes a record numbered by its 1-based index; another value is reported.
simdjson::error_code read_element(simdjson::simdjson_result<od::value> element, std::size_t index,
                                  const JsonFile& file) {
    od::value value;
    od::json_type type{};
    SIMDJSON_TRY(std::move(element).get(value));
    SIMDJSON_TRY(value.type().get(type));
    if (type != od::json_type::object) {
        file.diagnostics(input_warning(
            file.info, index,
            "element " + std::to_string(index) + " is not a JSON object; element skipped",
            "not a JSON object"));
        return simdjson::SUCCESS;
    }
    Record record;
    record.origin = Origin{file.info.display_path, index};
    od::object object;
    SIMDJSON_TRY(value.get_object().get(object));
    SIMDJSON_TRY(flatten_object(object, record.fields));
    file.sink(std::move(record));
    return simdjson::SUCCESS;
}

// On Demand cannot resume after a syntax error: the elements before it are kept and the rest
// of the file is skipped.
void read_array(od::document& doc, const JsonFile& file) {
    od::array array;
    std::size_t index = 0;
    simdjson::error_code error = doc.get_array().get(array);
    if (!error) {
        for (auto element : array) {
            if ((error = read_element(element, ++index, file))) {
                break;
            }
        }
    }
    if (error) {
        file.invalid(index, error, index == 0 ? "file skipped" : "rest of file skipped");
    } else if ((error = check_end(doc))) {
        file.invalid(0, error, "content after the array ignored");
    }
}

// A file holding one object is one record, identified by the file (as a text article is).
void read_object(od::document& doc, const JsonFile& file) {
    Record record;
    record.origin = Origin{file.info.display_path, 0};
    record.file_id = file.info.file_id;
    bool not_object = false;
    if (const simdjson::error_code error = flatten_document(doc, record.fields, &not_object)) {
        // Several objects one after another are JSON Lines mistaken for JSON.
        file.invalid(0, error,
                     error == simdjson::TRAILING_CONTENT
                         ? "file skipped (one object per line is JSON Lines: use the jsonl format)"
                         : "file skipped");
        return;
    }
    file.sink(std::move(record));
}

}  // namespace

JsonReader::JsonReader(std::size_t max_file) : max_file_(max_file) {}

void JsonReader::read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
                      const DiagnosticSink& diagnostics) {
    const JsonFile file{info, sink, diagnostics};
    bool truncated = false;
    std::string text = read_all(in, max_file_, &truncated);
    if (truncated) {
        diagnostics(input_warning(info, 0,
                                  "file larger than " + size_text(max_file_) +
                                      "; skipped (split it, or convert it to JSON Lines, "
                                      "which is read line by line)",
                                  "file too large"));
        return;
    }
    if (is_blank(strip_bom(text))) {
        diagnostics(input_warning(info, 0, "empty file; skipped", "empty file"));
        return;
    }
    od::parser parser;
    od::document doc;
    od::json_type type{};
    simdjson::error_code error = start_json(parser, text, doc);
    if (error || (error = doc.type().get(type))) {
        file.invalid(0, error, "file skipped");
    } else if (type == od::json_type::array) {
        read_array(doc, file);
    } else if (type == od::json_type::object) {
        read_object(doc, file);
    } else {
        diagnostics(input_warning(info, 0, "not a JSON array or object; file skipped",
                                  "not a JSON object"));
    }
}

}  // namespace morgue
