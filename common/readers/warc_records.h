#pragma once

// Record framing of web archives: WARC (ISO 28500, versions 0.17 to 1.1) and the older ARC
// (versions 1 and 2). Compressed files (.warc.gz, one gzip member per record) arrive already
// decompressed from the stream layer. Private to common/readers/.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "byte_source.h"
#include "header_fields.h"

namespace morgue {

/// One record of a WARC or ARC file.
struct ArchiveRecord {
    std::size_t number = 0;    ///< 1-based position in the file, malformed records counted
    std::uint64_t offset = 0;  ///< byte offset of its first header line
    std::string type;          ///< WARC-Type; for ARC "filedesc", "response" or "resource"
    std::string target_uri;    ///< without the <> that some writers put around it
    std::string date;          ///< ISO 8601 (WARC-Date; ARC's 14-digit date converted)
    std::string content_type;  ///< of the record's block ("application/http; msgtype=...")
    /// The payload's media type as the archive states it: ARC's content-type field, WARC's
    /// WARC-Identified-Payload-Type; empty when not stated.
    std::string payload_type;
    std::uint64_t length = 0;  ///< the block's declared length
    std::string block;         ///< the block; empty when oversized
    bool oversized = false;    ///< longer than the reader's limit: passed over, not read
};

/// Receives a problem with the file: the number of the record it concerns (for bytes between
/// records, the record before them; 0 at the start), a message that names the byte offset,
/// and a short reason for the summary.
using ArchiveProblemSink =
    std::function<void(std::size_t record, std::string message, std::string reason)>;

/// Reads the records of a WARC or ARC file in order. Memory stays bounded: a block longer
/// than max_block is passed over unread, and a header block may not pass 1 MiB. A malformed
/// header is reported and reading resumes at the next line that starts a record; a record
/// cut short by the end of the file is reported and delivered with the part of its block that
/// is there.
class ArchiveRecordReader {
  public:
    /// Real pages and their resources stay far below this; a larger block is a video or a
    /// disk image, which holds no article.
    static constexpr std::size_t kMaxBlock = std::size_t{64} << 20;

    ArchiveRecordReader(ByteSource& in, const ArchiveProblemSink& problems,
                        std::size_t max_block = kMaxBlock);
    ~ArchiveRecordReader();
    ArchiveRecordReader(const ArchiveRecordReader&) = delete;
    ArchiveRecordReader& operator=(const ArchiveRecordReader&) = delete;

    /// The next well-formed record; false at the end of the file.
    bool next(ArchiveRecord& record);
    /// How many bytes have been read; where a read failure happened.
    std::uint64_t offset() const;
    /// How many records have been started.
    std::size_t count() const { return count_; }

  private:
    class Input;
    enum class Kind { unknown, warc, arc };
    enum class Step { record, malformed, end };

    Step next_warc(ArchiveRecord& record, const std::string& line);
    Step next_arc(ArchiveRecord& record, const std::string& line);
    Step read_warc_headers(ArchiveRecord& record, HeaderFields& fields);
    bool read_block(ArchiveRecord& record);
    bool next_header_line(std::string& line);
    void resync(bool (*starts_record)(std::string_view));
    void problem(const ArchiveRecord& record, const std::string& what, std::string reason);

    std::unique_ptr<Input> in_;
    ArchiveProblemSink problems_;
    std::size_t max_block_;
    Kind kind_ = Kind::unknown;
    std::size_t count_ = 0;
    int arc_version_ = 1;
    std::uint64_t line_offset_ = 0;  ///< where the line next() works on starts
    std::string pending_;            ///< a header line found while resynchronising
    bool has_pending_ = false;
    std::uint64_t pending_offset_ = 0;
};

/// "20140216050221" -> "2014-02-16T05:02:21Z"; empty when digits is not such a date (ARC dates
/// have 14 digits; shorter prefixes keep their precision).
std::string arc_date_to_iso(std::string_view digits);

}  // namespace morgue
