#pragma once

// The WARC/ARC reader behind make_reader(). Private to common/readers/ and its tests.

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>

#include "html.h"
#include "reader.h"
#include "warc_records.h"

namespace morgue {

/// Turns one HTML page into a record, as html_to_record() does; tests pass their own.
using PageReader =
    std::function<std::optional<Record>(std::string_view html, const PageContext& context,
                                        const Origin& origin, const DiagnosticSink& diagnostics)>;

/// Web archives (.warc, .arc, and their per-record gzip forms once decompressed): each HTTP
/// response (2xx) and each resource record with an HTML payload becomes a record through
/// read_page, with the target URI as url, the record date as fallback date and the charset of
/// the HTTP Content-Type; chunked transfer coding and gzip/deflate content coding are undone.
/// Origin::line is the record's number in the file. Every other record (request, metadata,
/// warcinfo, revisit, non-HTML payloads, HTTP errors and redirects) is counted, and the counts
/// are reported once per file. Malformed and truncated records are reported with their byte
/// offset and reading goes on.
class WarcReader : public Reader {
  public:
    explicit WarcReader(PageReader read_page,
                        std::size_t max_block = ArchiveRecordReader::kMaxBlock);
    void read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
              const DiagnosticSink& diagnostics) override;

  private:
    PageReader read_page_;
    std::size_t max_block_;
};

}  // namespace morgue
