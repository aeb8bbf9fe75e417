#include "warc_reader.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "http_message.h"
#include "readers_impl.h"
#include "../text/unicode.h"

namespace morgue {

namespace {

// How far into a payload of unstated type to look for the start of an HTML document.
constexpr std::size_t kSniffBytes = 512;

// Media types that archives write when they do not know ("unk" and "no-type" in ARC files).
bool unknown_type(std::string_view media) {
    return media.empty() || media == "application/octet-stream" || media == "unk" ||
           media == "no-type" || media == "application/unknown";
}

bool html_type(std::string_view media) {
    return media == "text/html" || media == "application/xhtml+xml";
}

// An HTML document by its first bytes, for payloads whose type is not stated.
bool looks_like_html(std::string_view payload) {
    const std::string head = text::ascii_lower(text::trim_ascii(strip_bom(payload.substr(0, kSniffBytes))));
    return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0 ||
           (head.rfind("<", 0) == 0 && head.find("<html") != std::string::npos);
}

// URIs with spaces exist in the wild (and in warcio's test files); a URL may not hold them.
std::string clean_uri(std::string_view uri) {
    std::string out;
    for (const char c : uri) {
        out += c == ' ' ? std::string("%20") : std::string(1, c);
    }
    return out;
}

/// What one file's records have in common while they are read.
class RecordHandler {
  public:
    RecordHandler(const PageReader& read_page, std::size_t max_block, const InputInfo& info,
                  const RecordSink& sink, const DiagnosticSink& diagnostics)
        : read_page_(read_page),
          max_block_(max_block),
          info_(info),
          sink_(sink),
          diagnostics_(diagnostics) {}

    void handle(const ArchiveRecord& record) {
        if (record.oversized) {
            warn(record,
                 "holds " + std::to_string(record.length) + " bytes, more than the " +
                     size_text(max_block_) + " a record may have; skipped",
                 "WARC record too large");
        } else if (record.type == "response") {
            handle_response(record);
        } else if (record.type == "resource") {
            handle_resource(record);
        } else {
            count(record.type.empty() ? "untyped" : record.type);
        }
    }

    /// "6 records skipped: 3 request, 2 warcinfo, 1 image/png ..." once for the file.
    void report_skipped() const {
        if (skipped_.empty()) {
            return;
        }
        std::size_t total = 0;
        std::string kinds;
        for (const auto& [kind, n] : skipped_) {
            total += n;
            kinds += (kinds.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
        }
        Diagnostic summary = input_warning(
            info_, 0,
            std::to_string(total) + (total == 1 ? " record" : " records") + " skipped: " + kinds +
                " (only HTML pages in responses and resources hold articles)",
            "WARC records without an HTML page");
        summary.records_skipped = total;
        diagnostics_(summary);
    }

  private:
    void handle_response(const ArchiveRecord& record) {
        const std::optional<HttpResponse> response = parse_http_response(record.block);
        if (!response) {
            // dns: lookups and other non-HTTP exchanges are stored as responses too.
            const std::string media = media_type(record.content_type);
            count(media.empty() ? "response without HTTP" : media);
            return;
        }
        if (response->status < 200 || response->status > 299) {
            count("HTTP " + std::to_string(response->status));
            return;
        }
        const std::string_view content_type = header_value(response->headers, "Content-Type");
        std::string media = media_type(content_type);
        if (unknown_type(media)) {
            media = media_type(record.payload_type);
        }
        if (!html_type(media) && !unknown_type(media)) {
            count(media);
            return;
        }
        DecodedBody body = decode_http_body(*response, max_block_);
        if (!body.problem.empty()) {
            warn(record, body.problem,
                 body.usable ? "damaged HTTP payload" : "unreadable HTTP payload");
        }
        if (!body.usable) {
            return;
        }
        if (!html_type(media) && !looks_like_html(body.data)) {
            count(media.empty() ? "no content type" : media);
            return;
        }
        page(record, body.data, header_parameter(content_type, "charset"));
    }

    void handle_resource(const ArchiveRecord& record) {
        const std::string media = media_type(record.content_type);
        if (html_type(media) || (unknown_type(media) && looks_like_html(record.block))) {
            page(record, record.block, header_parameter(record.content_type, "charset"));
        } else {
            count(media.empty() ? "no content type" : media);
        }
    }

    void page(const ArchiveRecord& record, std::string_view html, std::string charset) {
        // Header values are bytes: outside ASCII they are read as Windows-1252, so that the
        // record's url and date are UTF-8 like its other values.
        const PageContext context{clean_uri(text::to_utf8(record.target_uri)),
                                  text::to_utf8(record.date), std::move(charset)};
        const Origin origin{info_.display_path, record.number};
        std::optional<Record> article = read_page_(html, context, origin, diagnostics_);
        if (article) {
            article->origin = origin;
            sink_(std::move(*article));
        }
    }

    void count(const std::string& kind) {
        const auto known = std::find_if(skipped_.begin(), skipped_.end(),
                                        [&](const auto& entry) { return entry.first == kind; });
        if (known == skipped_.end()) {
            skipped_.emplace_back(kind, 1);
        } else {
            ++known->second;
        }
    }

    void warn(const ArchiveRecord& record, const std::string& what, std::string reason) {
        diagnostics_(input_warning(info_, record.number,
                                   "record " + std::to_string(record.number) + " at byte offset " +
                                       std::to_string(record.offset) + ": " + what,
                                   std::move(reason)));
    }

    const PageReader& read_page_;
    std::size_t max_block_;
    const InputInfo& info_;
    const RecordSink& sink_;
    const DiagnosticSink& diagnostics_;
    std::vector<std::pair<std::string, std::size_t>> skipped_;  ///< in order of first sight
};

}  // namespace

WarcReader::WarcReader(PageReader read_page, std::size_t max_block)
    : read_page_(std::move(read_page)), max_block_(max_block) {}

void WarcReader::read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
                      const DiagnosticSink& diagnostics) {
    RecordHandler handler(read_page_, max_block_, info, sink, diagnostics);
    ArchiveRecordReader records(
        in,
        [&](std::size_t number, std::string message, std::string reason) {
            diagnostics(input_warning(info, number, std::move(message), std::move(reason)));
        },
        max_block_);
    ArchiveRecord record;
    try {
        while (records.next(record)) {
            handler.handle(record);
        }
    } catch (const InputError&) {
        // Damaged compressed data ends the file: say where, and what was counted before it.
        diagnostics(note(
            Origin{info.display_path, records.count()},
            "the data is damaged after byte offset " + std::to_string(records.offset()) +
                " (record " + std::to_string(records.count()) + "); the records before it are read",
            "damaged web archive"));
        handler.report_skipped();
        throw;
    }
    handler.report_skipped();
}

}  // namespace morgue
