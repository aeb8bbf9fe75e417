#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "../text/unicode.h"
#include "readers_impl.h"

namespace morgue {

namespace {

// The row being assembled: a quoted field may carry it over several lines.
struct CsvRow {
    std::vector<std::string> values;
    std::size_t line = 0;   ///< where the row starts
    std::size_t bytes = 0;  ///< bytes read into it so far, to bound memory
    bool in_quotes = false;
    bool field_start = true;
};

// Adds one line to row (RFC 4180: a quote opens a quoted field only at its start, a doubled
// quote inside it is one quote, anything after its closing quote is kept as text). True when
// the row is complete; false when a quoted field goes on past the end of the line.
bool parse_line(std::string_view line, char delimiter, char quote, CsvRow& row) {
    if (row.values.empty()) {
        row.values.emplace_back();
    } else {
        row.values.back() += '\n';
    }
    std::string* field = &row.values.back();
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (row.in_quotes) {
            if (c != quote) {
                field->push_back(c);
            } else if (i + 1 < line.size() && line[i + 1] == quote) {
                field->push_back(quote);
                ++i;
            } else {
                row.in_quotes = false;
            }
        } else if (c == delimiter) {
            field = &row.values.emplace_back();
            row.field_start = true;
            continue;
        } else if (c == quote && row.field_start) {
            row.in_quotes = true;
        } else {
            field->push_back(c);
        }
        row.field_start = false;
    }
    row.bytes += line.size() + 1;
    return !row.in_quotes;
}

// One CSV input being read: the column names, the row being assembled, and where records
// and diagnostics go.
class CsvFile {
  public:
    CsvFile(const CsvOptions& options, char delimiter, std::size_t max_record,
            const InputInfo& info, const RecordSink& sink, const DiagnosticSink& diagnostics)
        : options_(options),
          delimiter_(delimiter),
          max_record_(max_record),
          info_(info),
          sink_(sink),
          diagnostics_(diagnostics),
          names_(options.header ? std::vector<std::string>{} : options.columns),
          need_header_(options.header) {}

    void add_line(std::string_view line, std::size_t number) {
        if (number == 1) {
            line = strip_bom(line);
        }
        if (row_.values.empty()) {
            // A line of spaces (or only tabs, in TSV) holds no record, only a ragged-row warning.
            if (is_blank(line)) {
                return;
            }
            row_.line = number;
        }
        any_line_ = true;
        // Records carry UTF-8; a converted line keeps its delimiters and quotes (all ASCII).
        if (!text::is_valid_utf8(line)) {
            converted_ = text::to_utf8(line);
            line = converted_;
        }
        if (parse_line(line, delimiter_, options_.quote, row_)) {
            finish_row();
        } else if (row_.bytes > max_record_) {
            warn(row_.line,
                 "quoted field longer than " + size_text(max_record_) +
                     " (a quote left open?); record skipped, reading resumes at line " +
                     std::to_string(number + 1),
                 "malformed CSV");
            row_ = CsvRow{};
        }
    }

    // A line cut by the LineReader: it and any row it continued are dropped.
    void overlong_line(std::size_t number) {
        warn(number, "line longer than " + size_text(max_record_) + "; record skipped",
             "line too long");
        row_ = CsvRow{};
    }

    void end_of_input() {
        if (!row_.values.empty()) {
            warn(row_.line, "quoted field still open at the end of the file; record skipped",
                 "malformed CSV");
        }
        if (!any_line_) {
            warn(0, "empty file; skipped", "empty file");
        }
    }

  private:
    // A complete row: the header, or a record under the column names.
    void finish_row() {
        CsvRow row = std::exchange(row_, CsvRow{});
        if (need_header_) {
            names_ = std::move(row.values);
            need_header_ = false;
            return;
        }
        check_width(row);
        Record record;
        record.origin = Origin{info_.display_path, row.line};
        const std::size_t count =
            names_.empty() ? row.values.size() : std::min(row.values.size(), names_.size());
        for (std::size_t i = 0; i < count; ++i) {
            // Without a header or --columns, columns are named by number, as --map can name them.
            record.fields.emplace_back(names_.empty() ? std::to_string(i + 1) : names_[i],
                                       std::move(row.values[i]));
        }
        sink_(std::move(record));
    }

    void check_width(const CsvRow& row) const {
        const std::size_t have = row.values.size();
        const std::size_t want = names_.size();
        if (want == 0 || have == want) {
            return;
        }
        std::string message = std::to_string(have) + (have == 1 ? " field" : " fields") +
                              " where the " + (options_.header ? "header" : "column list") +
                              " has " + std::to_string(want) + "; ";
        message += have < want ? "record kept with the fields it has" : "extra values ignored";
        diagnostics_(note(Origin{info_.display_path, row.line}, std::move(message), "ragged row"));
    }

    void warn(std::size_t line, std::string message, std::string reason) const {
        diagnostics_(input_warning(info_, line, std::move(message), std::move(reason)));
    }

    const CsvOptions& options_;
    char delimiter_;
    std::size_t max_record_;
    const InputInfo& info_;
    const RecordSink& sink_;
    const DiagnosticSink& diagnostics_;
    std::vector<std::string> names_;
    bool need_header_;
    CsvRow row_;
    std::string converted_;
    bool any_line_ = false;
};

}  // namespace

CsvReader::CsvReader(Format format, CsvOptions options, std::size_t max_record)
    : options_(std::move(options)),
      delimiter_(options_.delimiter.value_or(format == Format::tsv ? '\t' : ',')),
      max_record_(max_record) {}

void CsvReader::read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
                     const DiagnosticSink& diagnostics) {
    CsvFile file(options_, delimiter_, max_record_, info, sink, diagnostics);
    // Lines no longer than a record may be: memory stays bounded by max_record_.
    LineReader lines(in, max_record_);
    std::string line;
    while (lines.next(line)) {
        if (lines.truncated()) {
            file.overlong_line(lines.line_number());
        } else {
            file.add_line(line, lines.line_number());
        }
    }
    file.end_of_input();
}

}  // namespace morgue
