#include "sgml_reader.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "../text/unicode.h"
#include "header_fields.h"
#include "markup_text.h"
#include "readers_impl.h"

namespace morgue {

namespace {

constexpr std::array<std::string_view, 2> kRecordTags{"REUTERS", "DOC"};
// Reuters' document-level code lists that become "tags".
constexpr std::array<std::string_view, 4> kTagLists{"PLACES", "PEOPLE", "ORGS", "EXCHANGES"};
constexpr std::array<std::string_view, 5> kTrecTitles{"HEADLINE", "HEAD", "HL", "TITLE", "TI"};
constexpr std::array<std::string_view, 3> kTrecDates{"DATE", "DD", "DATE_TIME"};
constexpr std::array<std::string_view, 3> kTrecAuthors{"BYLINE", "BY", "AU"};

// The length of the record start or end tag at text[pos] ("<REUTERS", "</DOC>"); 0 when none.
std::size_t record_tag_at(std::string_view text, std::size_t pos, bool closing) {
    const std::size_t name_start = pos + (closing ? 2 : 1);
    for (const std::string_view name : kRecordTags) {
        const std::size_t after = name_start + name.size();
        if (after < text.size() && istarts_with(text.substr(name_start), name) &&
            (text[after] == '>' || (!closing && (text[after] == ' ' || text[after] == '\t')))) {
            return after - pos + (text[after] == '>' ? 1 : 0);
        }
    }
    return 0;
}

// Where the next record start (or end) tag is in text from pos; npos when none.
std::size_t find_record_tag(std::string_view text, std::size_t pos, bool closing) {
    const std::string_view lead = closing ? "</" : "<";
    while ((pos = text.find(lead, pos)) != std::string_view::npos) {
        if (record_tag_at(text, pos, closing) > 0) {
            return pos;
        }
        pos += lead.size();
    }
    return std::string_view::npos;
}

// Markup to one line of text: titles, dates, codes.
std::string inline_text(std::string_view markup) {
    return text::collapse_space(text::to_utf8(markup_to_text(markup)));
}

// Reuters bodies are hard-wrapped at 70 columns, each paragraph starting with an indented
// line: the lines of a paragraph are joined, paragraphs separated by a blank line.
std::string reflow(std::string_view text) {
    std::string out;
    std::string paragraph;
    const auto flush = [&] {
        if (!paragraph.empty()) {
            out += (out.empty() ? "" : "\n\n") + paragraph;
            paragraph.clear();
        }
    };
    for (std::size_t pos = 0; pos <= text.size();) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (is_blank(line) || line[0] == ' ' || line[0] == '\t') {
            flush();
        }
        const std::string_view words = text::trim_ascii(line);
        if (!words.empty()) {
            paragraph += (paragraph.empty() ? "" : " ") + std::string(words);
        }
    }
    flush();
    return out;
}

void add(Record& record, std::string key, std::string value) {
    if (!value.empty()) {
        record.fields.emplace_back(std::move(key), std::move(value));
    }
}

// Each <D> code of a Reuters list, under key.
void add_codes(Record& record, std::string_view list, const std::string& key) {
    for (const std::string_view code : element_contents(list, "D")) {
        add(record, key, inline_text(code));
    }
}

void read_reuters(std::string_view raw, Record& record) {
    const std::string start_tag(raw.substr(0, raw.find('>') + 1));
    const std::string newid = inline_text(tag_attribute(start_tag, "NEWID"));
    add(record, "id", newid.empty() ? "" : "reuters-" + newid);
    const std::string_view text = first_element(raw, "TEXT", OpenEnd::end);
    std::string title = inline_text(first_element(text, "TITLE"));
    const std::vector<std::string_view> bodies = element_contents(text, "BODY", OpenEnd::end);
    std::string body = bodies.empty() ? without_elements(text, {"TITLE", "DATELINE", "AUTHOR"})
                                      : std::string(bodies.front());
    body = text::to_utf8(markup_to_text(body));
    // Briefs put a row of asterisks before their one line.
    body = bodies.empty() ? body.substr(std::min(body.find_first_not_of('*'), body.size()))
                          : reflow(body);
    if (title.empty() && body.empty() && !newid.empty()) {
        // A story with neither (Reuters-21578 has one) keeps its date and codes, which are
        // still worth finding: its id stands in as its title.
        title = "reuters-" + newid;
    }
    add(record, "title", std::move(title));
    add(record, "body", std::move(body));
    add(record, "date", inline_text(first_element(raw, "DATE")));
    add(record, "dateline", inline_text(first_element(text, "DATELINE")));
    add(record, "author", inline_text(first_element(text, "AUTHOR")));
    add(record, "source", "reuters");
    add_codes(record, first_element(raw, "TOPICS"), "topics");
    for (const std::string_view list : kTagLists) {
        add_codes(record, first_element(raw, list), "tags");
    }
    add_codes(record, first_element(raw, "PLACES"), "places");
}

// The first of the elements named that has text.
template <std::size_t N>
std::string first_text(std::string_view raw, const std::array<std::string_view, N>& names) {
    for (const std::string_view name : names) {
        std::string value = inline_text(first_element(raw, name));
        if (!value.empty()) {
            return value;
        }
    }
    return {};
}

// The text of a <DOC> without <TEXT>: all of it but the elements read as other fields (the
// form of WikiExtractor's output, title and id in attributes).
std::string untagged_body(std::string_view raw, std::size_t start_tag_end) {
    std::string_view inner = raw.substr(start_tag_end);
    const std::size_t end = inner.rfind("</");
    if (end != std::string_view::npos && istarts_with(inner.substr(end + 2), "DOC")) {
        inner = inner.substr(0, end);
    }
    std::vector<std::string_view> known{"DOCNO"};
    known.insert(known.end(), kTrecTitles.begin(), kTrecTitles.end());
    known.insert(known.end(), kTrecDates.begin(), kTrecDates.end());
    known.insert(known.end(), kTrecAuthors.begin(), kTrecAuthors.end());
    return text::to_utf8(markup_to_text(without_elements(inner, known)));
}

void read_trec(std::string_view raw, Record& record) {
    const std::size_t start_tag_end = std::min(raw.find('>') + 1, raw.size());
    const std::string_view start_tag = raw.substr(0, start_tag_end);
    const std::string docno = inline_text(first_element(raw, "DOCNO"));
    add(record, "id", docno.empty() ? inline_text(tag_attribute(start_tag, "id")) : docno);
    const std::string title = first_text(raw, kTrecTitles);
    add(record, "title", title.empty() ? inline_text(tag_attribute(start_tag, "title")) : title);
    const std::vector<std::string_view> texts = element_contents(raw, "TEXT", OpenEnd::end);
    std::string body;
    for (const std::string_view text : texts) {
        const std::string part = text::to_utf8(markup_to_text(text));
        body += (body.empty() || part.empty() ? "" : "\n\n") + part;
    }
    add(record, "body", texts.empty() ? untagged_body(raw, start_tag_end) : std::move(body));
    add(record, "date", first_text(raw, kTrecDates));
    add(record, "author", first_text(raw, kTrecAuthors));
    add(record, "url", inline_text(tag_attribute(start_tag, "url")));
}

/// Gathers the lines of one record at a time and hands each complete record on.
class RecordSplitter {
  public:
    RecordSplitter(std::size_t max_record, const InputInfo& info, const RecordSink& sink,
                   const DiagnosticSink& diagnostics)
        : max_record_(max_record), info_(info), sink_(sink), diagnostics_(diagnostics) {}

    void line(std::string_view rest, std::size_t number, bool truncated) {
        bool fresh = false;  // rest starts with the current record's own start tag
        for (;;) {
            if (!open_) {
                const std::size_t start = find_record_tag(rest, 0, false);
                if (start == std::string_view::npos) {
                    return;  // text between records: a DOCTYPE, junk
                }
                open_ = true;
                start_line_ = number;
                rest.remove_prefix(start);
                fresh = true;
            }
            const std::size_t next = find_record_tag(rest, fresh ? 1 : 0, false);
            const std::size_t end = find_record_tag(rest, 0, true);
            if (next != std::string_view::npos && (end == std::string_view::npos || next < end)) {
                append(rest.substr(0, next));
                finish();
                rest.remove_prefix(next);
            } else if (end != std::string_view::npos) {
                const std::size_t stop = end + record_tag_at(rest, end, true);
                append(rest.substr(0, stop));
                finish();
                rest.remove_prefix(stop);
            } else {
                append(rest);
                append("\n");
                oversized_ = oversized_ || truncated;
                return;
            }
            fresh = false;
        }
    }

    /// Ends the last record, left open by the end of the file.
    void finish() {
        if (open_ && !oversized_) {
            Record record;
            record.origin = Origin{info_.display_path, start_line_};
            const std::string raw = text::to_utf8(text_);
            if (istarts_with(raw, "<REUTERS")) {
                read_reuters(raw, record);
            } else {
                read_trec(raw, record);
            }
            sink_(std::move(record));
        } else if (open_) {
            diagnostics_(input_warning(info_, start_line_,
                                       "record longer than " + size_text(max_record_) +
                                           " (an end tag missing?); record skipped",
                                       "record too long"));
        }
        open_ = false;
        oversized_ = false;
        text_.clear();
    }

  private:
    void append(std::string_view piece) {
        if (oversized_) {
            return;
        }
        if (text_.size() + piece.size() > max_record_) {
            oversized_ = true;
            text_.clear();
            return;
        }
        text_.append(piece);
    }

    std::size_t max_record_;
    const InputInfo& info_;
    const RecordSink& sink_;
    const DiagnosticSink& diagnostics_;
    std::string text_;
    std::size_t start_line_ = 0;
    bool open_ = false;
    bool oversized_ = false;
};

}  // namespace

NewswireReader::NewswireReader(std::size_t max_record) : max_record_(max_record) {}

void NewswireReader::read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
                          const DiagnosticSink& diagnostics) {
    LineReader lines(in, max_record_);
    RecordSplitter splitter(max_record_, info, sink, diagnostics);
    std::string line;
    while (lines.next(line)) {
        splitter.line(line, lines.line_number(), lines.truncated());
    }
    splitter.finish();
}

}  // namespace morgue
