#include "byte_source.h"

#include <algorithm>
#include <cstring>

namespace morgue {

namespace {

// Big enough that a read() call costs little per byte, small enough to stay in cache.
constexpr std::size_t kChunk = 64 << 10;

}  // namespace

std::size_t StringSource::read(char* buf, std::size_t n) {
    const std::size_t count = std::min(n, data_.size() - pos_);
    std::memcpy(buf, data_.data() + pos_, count);
    pos_ += count;
    return count;
}

LineReader::LineReader(ByteSource& source, std::size_t max_line)
    : source_(source), max_line_(max_line) {}

// Drops the bytes already handed out, then appends one chunk; false at the end of the source.
bool LineReader::fill() {
    if (eof_) {
        return false;
    }
    buffer_.erase(0, pos_);
    pos_ = 0;
    const std::size_t old_size = buffer_.size();
    buffer_.resize(old_size + kChunk);
    const std::size_t got = source_.read(buffer_.data() + old_size, kChunk);
    buffer_.resize(old_size + got);
    eof_ = got == 0;
    return got != 0;
}

bool LineReader::next(std::string& line) {
    truncated_ = false;
    std::size_t scanned = 0;  // bytes after pos_ known to hold no '\n'
    for (;;) {
        const std::size_t nl = buffer_.find('\n', pos_ + scanned);
        if (nl != std::string::npos) {
            line.assign(buffer_, pos_, nl - pos_);
            pos_ = nl + 1;
            break;
        }
        scanned = buffer_.size() - pos_;
        // One more byte than max_line may be the '\r' of a "\r\n" still to come.
        if (scanned > max_line_ + 1 || !fill()) {
            if (scanned == 0) {
                return false;
            }
            line.assign(buffer_, pos_, scanned);
            pos_ += scanned;
            skip_rest_of_line();
            break;
        }
    }
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    if (line.size() > max_line_) {
        line.resize(max_line_);
        truncated_ = true;
    }
    ++line_number_;
    return true;
}

// After an over-long line has been cut, discards input up to and including its '\n' so the
// next call starts on the following line, without holding the rest of the line in memory.
void LineReader::skip_rest_of_line() {
    for (;;) {
        const std::size_t nl = buffer_.find('\n', pos_);
        if (nl != std::string::npos) {
            pos_ = nl + 1;
            return;
        }
        pos_ = buffer_.size();
        if (!fill()) {
            return;
        }
    }
}

std::string read_all(ByteSource& source, std::size_t limit, bool* truncated) {
    std::string data;
    bool more = false;
    for (;;) {
        const std::size_t old_size = data.size();
        if (old_size == limit) {
            // Full: one more byte tells whether anything was left behind.
            char probe = 0;
            more = source.read(&probe, 1) != 0;
            break;
        }
        const std::size_t want = std::min(kChunk, limit - old_size);
        data.resize(old_size + want);
        const std::size_t got = source.read(data.data() + old_size, want);
        data.resize(old_size + got);
        if (got == 0) {
            break;
        }
    }
    if (truncated != nullptr) {
        *truncated = more;
    }
    return data;
}

}  // namespace morgue
