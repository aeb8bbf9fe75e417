#include "warc_records.h"
#include "../text/unicode.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace morgue {

namespace {

// Real WARC headers take a few hundred bytes; a "header" past this is binary data.
constexpr std::size_t kMaxHeader = std::size_t{1} << 20;
constexpr std::size_t kChunk = std::size_t{64} << 10;
// How much of a bad line a message quotes.
constexpr std::size_t kQuoted = 60;

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string_view> split_spaces(std::string_view line) {
    std::vector<std::string_view> tokens;
    std::size_t pos = 0;
    while ((pos = line.find_first_not_of(' ', pos)) != std::string_view::npos) {
        const std::size_t end = std::min(line.find(' ', pos), line.size());
        tokens.push_back(line.substr(pos, end - pos));
        pos = end;
    }
    return tokens;
}

// The line as a message quotes it: printable ASCII only, cut to a few dozen bytes.
std::string quoted(std::string_view line) {
    std::string out = "\"";
    for (const char c : line.substr(0, kQuoted)) {
        out += (c >= ' ' && c < 0x7f) ? c : '?';
    }
    return out + (line.size() > kQuoted ? "...\"" : "\"");
}

bool starts_warc_record(std::string_view line) {
    return line.substr(0, 5) == "WARC/";
}

// An ARC header line: a URL (or dns:/filedesc: name) and at least four more fields. Invalid
// ones are still taken as record starts, so that each is reported.
bool starts_arc_record(std::string_view line) {
    const std::vector<std::string_view> tokens = split_spaces(line);
    return tokens.size() >= 5 &&
           (tokens[0].find("://") != std::string_view::npos || tokens[0].substr(0, 4) == "dns:");
}

std::optional<std::uint64_t> parse_length(std::string_view s) {
    s = text::trim_ascii(s);
    // 19 digits always fit in 64 bits; no real block comes near.
    if (!all_digits(s) || s.size() > 19) {
        return std::nullopt;
    }
    return std::stoull(std::string(s));
}

std::string strip_angle_brackets(std::string_view uri) {
    uri = text::trim_ascii(uri);
    if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') {
        uri = uri.substr(1, uri.size() - 2);
    }
    return std::string(uri);
}

}  // namespace

/// The byte stream with its offset: lines for headers, counted reads and skips for blocks.
class ArchiveRecordReader::Input {
  public:
    explicit Input(ByteSource& source) : source_(source) {}

    std::uint64_t offset() const { return base_ + pos_; }

    /// The next line without its "\n" or "\r\n", at most max bytes of it kept; false at the end.
    bool line(std::string& out, std::size_t max) {
        out.clear();
        const std::uint64_t start = offset();
        for (;;) {
            const std::size_t nl = buffer_.find('\n', pos_);
            const std::size_t end = nl == std::string::npos ? buffer_.size() : nl;
            out.append(buffer_, pos_, std::min(end - pos_, max - std::min(max, out.size())));
            if (nl != std::string::npos) {
                pos_ = nl + 1;
                break;
            }
            pos_ = buffer_.size();
            if (!fill()) {
                if (offset() == start) {
                    return false;
                }
                break;
            }
        }
        if (!out.empty() && out.back() == '\r') {
            out.pop_back();
        }
        return true;
    }

    /// Appends up to n bytes to out; returns how many there were.
    std::size_t read(std::string& out, std::size_t n) {
        std::size_t got = 0;
        while (got < n && (pos_ < buffer_.size() || fill())) {
            const std::size_t k = std::min(n - got, buffer_.size() - pos_);
            out.append(buffer_, pos_, k);
            pos_ += k;
            got += k;
        }
        return got;
    }

    /// Passes over up to n bytes; returns how many there were.
    std::uint64_t skip(std::uint64_t n) {
        std::uint64_t done = 0;
        while (done < n && (pos_ < buffer_.size() || fill())) {
            const std::size_t k =
                static_cast<std::size_t>(std::min<std::uint64_t>(n - done, buffer_.size() - pos_));
            pos_ += k;
            done += k;
        }
        return done;
    }

  private:
    bool fill() {
        if (eof_) {
            return false;
        }
        base_ += pos_;
        buffer_.erase(0, pos_);
        pos_ = 0;
        const std::size_t old_size = buffer_.size();
        buffer_.resize(old_size + kChunk);
        const std::size_t got = source_.read(buffer_.data() + old_size, kChunk);
        buffer_.resize(old_size + got);
        eof_ = got == 0;
        return got != 0;
    }

    ByteSource& source_;
    std::string buffer_;
    std::size_t pos_ = 0;
    std::uint64_t base_ = 0;  ///< stream offset of buffer_[0]
    bool eof_ = false;
};

ArchiveRecordReader::ArchiveRecordReader(ByteSource& in, const ArchiveProblemSink& problems,
                                         std::size_t max_block)
    : in_(std::make_unique<Input>(in)), problems_(problems), max_block_(max_block) {}

ArchiveRecordReader::~ArchiveRecordReader() = default;

std::uint64_t ArchiveRecordReader::offset() const {
    return in_->offset();
}

bool ArchiveRecordReader::next(ArchiveRecord& record) {
    std::string line;
    while (next_header_line(line)) {
        if (kind_ == Kind::unknown) {
            kind_ = line.substr(0, 11) == "filedesc://" ? Kind::arc : Kind::warc;
        }
        record = ArchiveRecord{};
        record.number = ++count_;
        record.offset = line_offset_;
        const Step step = kind_ == Kind::warc ? next_warc(record, line) : next_arc(record, line);
        if (step == Step::record) {
            return true;
        }
        if (step == Step::end) {
            return false;
        }
    }
    return false;
}

// The next non-blank line (records are separated by blank lines), or the record start that
// resynchronising found.
bool ArchiveRecordReader::next_header_line(std::string& line) {
    if (has_pending_) {
        has_pending_ = false;
        line = std::move(pending_);
        line_offset_ = pending_offset_;
        return true;
    }
    do {
        line_offset_ = in_->offset();
        if (!in_->line(line, kMaxHeader)) {
            return false;
        }
    } while (text::trim_ascii(line).empty());
    return true;
}

// Passes over lines up to the next one that starts a record, which the next call reads.
void ArchiveRecordReader::resync(bool (*starts_record)(std::string_view)) {
    std::string line;
    for (;;) {
        const std::uint64_t offset = in_->offset();
        if (!in_->line(line, kMaxHeader)) {
            return;
        }
        if (starts_record(line)) {
            pending_ = std::move(line);
            pending_offset_ = offset;
            has_pending_ = true;
            return;
        }
    }
}

void ArchiveRecordReader::problem(const ArchiveRecord& record, const std::string& what,
                                  std::string reason) {
    problems_(record.number,
              "record " + std::to_string(record.number) + " at byte offset " +
                  std::to_string(record.offset) + ": " + what,
              std::move(reason));
}

ArchiveRecordReader::Step ArchiveRecordReader::next_warc(ArchiveRecord& record,
                                                         const std::string& line) {
    if (!starts_warc_record(line)) {
        // Bytes between records (a block longer than its Content-Length said) are no record:
        // they are told as following the record before them.
        --count_;
        problems_(count_,
                  "byte offset " + std::to_string(record.offset) +
                      ": no WARC record header (found " + quoted(line) +
                      "); skipped to the next record",
                  "malformed WARC record");
        resync(starts_warc_record);
        return Step::malformed;
    }
    HeaderFields fields;
    const Step step = read_warc_headers(record, fields);
    if (step != Step::record) {
        return step;
    }
    const std::optional<std::uint64_t> length =
        parse_length(header_value(fields, "Content-Length"));
    if (!length) {
        problem(record, "no valid Content-Length in the WARC header; skipped to the next record",
                "malformed WARC record");
        resync(starts_warc_record);
        return Step::malformed;
    }
    record.length = *length;
    record.type = text::ascii_lower(header_value(fields, "WARC-Type"));
    record.target_uri = strip_angle_brackets(header_value(fields, "WARC-Target-URI"));
    record.date = std::string(header_value(fields, "WARC-Date"));
    record.content_type = std::string(header_value(fields, "Content-Type"));
    record.payload_type = std::string(header_value(fields, "WARC-Identified-Payload-Type"));
    return read_block(record) ? Step::record : Step::end;
}

ArchiveRecordReader::Step ArchiveRecordReader::read_warc_headers(ArchiveRecord& record,
                                                                 HeaderFields& fields) {
    std::string block;
    std::string line;
    for (;;) {
        if (!in_->line(line, kMaxHeader)) {
            problem(record, "the file ends inside the WARC header (truncated file)",
                    "truncated archive record");
            return Step::end;
        }
        if (line.empty()) {
            break;
        }
        block += line;
        block += '\n';
        if (block.size() > kMaxHeader) {
            problem(record,
                    "WARC header longer than 1 MiB (not a WARC header); skipped to the "
                    "next record",
                    "malformed WARC record");
            resync(starts_warc_record);
            return Step::malformed;
        }
    }
    fields = parse_headers(block);
    return Step::record;
}

ArchiveRecordReader::Step ArchiveRecordReader::next_arc(ArchiveRecord& record,
                                                        const std::string& line) {
    const std::vector<std::string_view> tokens = split_spaces(line);
    const bool filedesc = line.substr(0, 11) == "filedesc://";
    // Version 2 headers add result code, checksum, location, offset and file name; the
    // filedesc header keeps the version 1 layout in both.
    const std::size_t fields = filedesc || arc_version_ == 1 ? 5 : 10;
    const std::optional<std::uint64_t> length =
        tokens.size() >= fields ? parse_length(tokens.back()) : std::nullopt;
    if (!length) {
        problem(record,
                "ARC header without a valid length (found " + quoted(line) +
                    "); skipped to the next record",
                "malformed ARC record");
        resync(starts_arc_record);
        return Step::malformed;
    }
    const std::size_t url_end = tokens.size() - fields + 1;  // a URL may hold spaces
    const std::size_t url_bytes = static_cast<std::size_t>(
        tokens[url_end - 1].data() + tokens[url_end - 1].size() - tokens[0].data());
    record.target_uri = std::string(tokens[0].data(), url_bytes);
    record.date = arc_date_to_iso(tokens[url_end + 1]);
    record.payload_type = std::string(tokens[url_end + 2]);
    record.content_type = record.payload_type;
    record.length = *length;
    if (!read_block(record)) {
        return Step::end;
    }
    if (filedesc) {
        record.type = "filedesc";
        arc_version_ = record.block.substr(0, 2) == "2 " ? 2 : 1;
    } else {
        record.type = record.block.substr(0, 5) == "HTTP/" ? "response" : "resource";
    }
    return Step::record;
}

bool ArchiveRecordReader::read_block(ArchiveRecord& record) {
    std::uint64_t got = 0;
    if (record.length > max_block_) {
        record.oversized = true;
        got = in_->skip(record.length);
    } else {
        got = in_->read(record.block, static_cast<std::size_t>(record.length));
    }
    if (got < record.length) {
        // The last record of an interrupted crawl: what is there of a page is still worth
        // reading.
        const bool partial = !record.oversized && got > 0;
        problem(record,
                "the file ends after " + std::to_string(got) + " of the record's " +
                    std::to_string(record.length) + " bytes (truncated file); " +
                    (partial ? "the part there is read" : "record skipped"),
                "truncated archive record");
        return partial;
    }
    return true;
}

std::string arc_date_to_iso(std::string_view digits) {
    if (!all_digits(digits) || (digits.size() != 14 && digits.size() != 12 && digits.size() != 8)) {
        return {};
    }
    std::string iso = std::string(digits.substr(0, 4)) + "-" + std::string(digits.substr(4, 2)) +
                      "-" + std::string(digits.substr(6, 2));
    if (digits.size() >= 12) {
        iso += "T" + std::string(digits.substr(8, 2)) + ":" + std::string(digits.substr(10, 2));
        iso += digits.size() == 14 ? ":" + std::string(digits.substr(12, 2)) + "Z" : "Z";
    }
    return iso;
}

}  // namespace morgue
