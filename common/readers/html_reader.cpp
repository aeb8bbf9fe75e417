#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../dates.h"
#include "../html/authors.h"
#include "../html/charset.h"
#include "../html/content.h"
#include "../html/dom.h"
#include "../html/metadata.h"
#include "../ids.h"
#include "html.h"
#include "readers_impl.h"

namespace morgue {

namespace {

// Less trusted dates may refine the most trusted one (a time of day, a zone) but never move
// it: one further away than this is about something else (a related story, a comment).
constexpr std::int64_t kDateAgreementSeconds = 36 * 3600;

void add_field(Record& record, std::string name, std::string value) {
    if (!value.empty()) {
        record.fields.emplace_back(std::move(name), std::move(value));
    }
}

// The dates of the first tier that has a readable one: that date and those of the same tier
// that agree with it, in order of trust. With none readable, the first value as written, so
// that the pipeline reports it.
std::vector<std::string> page_dates(const html::PageMetadata& meta, const PageContext& context) {
    const std::vector<std::string> fallback = context.fallback_date.empty()
                                                  ? std::vector<std::string>{}
                                                  : std::vector<std::string>{context.fallback_date};
    const dates::TimeZone utc;
    for (const std::vector<std::string>* tier : {&meta.dates, &meta.modified_dates, &fallback}) {
        std::optional<std::int64_t> anchor;
        std::vector<std::string> agreed;
        for (const std::string& value : *tier) {
            const std::optional<dates::ParsedDate> parsed = dates::parse_date(value, utc);
            if (parsed &&
                (!anchor || std::llabs(parsed->seconds - *anchor) <= kDateAgreementSeconds)) {
                anchor = anchor ? anchor : parsed->seconds;
                agreed.push_back(value);
            }
        }
        if (!agreed.empty()) {
            return agreed;
        }
    }
    for (const std::vector<std::string>* tier : {&meta.dates, &meta.modified_dates}) {
        if (!tier->empty()) {
            return {tier->front()};
        }
    }
    return {};
}

}  // namespace

std::optional<Record> html_to_record(std::string_view html, const PageContext& context,
                                     const Origin& origin, const DiagnosticSink& diagnostics) {
    const html::DecodedPage page = html::decode_page(html, context.charset);
    if (!page.problem.empty()) {
        diagnostics(note(origin, page.problem, "unknown charset"));
    }
    const std::unique_ptr<html::Node> root = html::parse(page.text);
    const html::PageMetadata meta = html::read_metadata(*root, context.url);
    html::ExtractedContent content = html::extract_content(*root, meta.title);
    if (content.text.empty()) {
        diagnostics(Diagnostic{Severity::warning, origin,
                               "no article text found in the page; page skipped",
                               "no article text"});
        return std::nullopt;
    }
    Record record;
    record.origin = origin;
    add_field(record, "title", meta.title);
    add_field(record, "body", std::move(content.text));
    for (std::string& date : page_dates(meta, context)) {
        add_field(record, "date", std::move(date));
    }
    // The byline in the text is the weakest evidence of authorship: used only when no
    // metadata names an author.
    for (std::string name :
         meta.authors.empty() ? html::split_byline(content.byline) : meta.authors) {
        add_field(record, "author", std::move(name));
    }
    add_field(record, "source", meta.site_name.empty() ? url_host(meta.url) : meta.site_name);
    add_field(record, "url", meta.url);
    add_field(record, "lang", meta.lang);
    return record;
}

HtmlReader::HtmlReader(std::size_t max_file) : max_file_(max_file) {}

void HtmlReader::read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
                      const DiagnosticSink& diagnostics) {
    bool truncated = false;
    const std::string content = read_all(in, max_file_, &truncated);
    if (truncated) {
        diagnostics(input_warning(info, 0,
                                  "page larger than " + size_text(max_file_) + "; only its first " +
                                      size_text(max_file_) + " read",
                                  "file truncated"));
    }
    if (is_blank(strip_bom(content))) {
        diagnostics(input_warning(info, 0, "empty file; skipped", "empty file"));
        return;
    }
    std::optional<Record> record =
        html_to_record(content, PageContext{}, Origin{info.display_path, 0}, diagnostics);
    if (record) {
        record->file_id = info.file_id;
        sink(std::move(*record));
    }
}

}  // namespace morgue
