#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace morgue {

/// A stream of bytes from a file, stdin, a decompressor or an archive member.
class ByteSource {
  public:
    virtual ~ByteSource() = default;
    /// Reads up to n bytes into buf; returns 0 at the end. Throws InputError on a read failure
    /// (a truncated .gz, an I/O error).
    virtual std::size_t read(char* buf, std::size_t n) = 0;
};

/// A read failure inside an input (truncated compressed data, I/O error).
class InputError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// A ByteSource over a string in memory (tests, fuzzing, stdin already read).
class StringSource : public ByteSource {
  public:
    explicit StringSource(std::string data) : data_(std::move(data)) {}
    std::size_t read(char* buf, std::size_t n) override;

  private:
    std::string data_;
    std::size_t pos_ = 0;
};

/// Splits a ByteSource into lines ('\n' or "\r\n", terminator removed), counting them.
class LineReader {
  public:
    explicit LineReader(ByteSource& source, std::size_t max_line = kDefaultMaxLine);
    /// The next line; false at the end. A line longer than max_line is returned cut at
    /// max_line with truncated() true, and the rest of it is skipped.
    bool next(std::string& line);
    std::size_t line_number() const { return line_number_; }
    bool truncated() const { return truncated_; }

    static constexpr std::size_t kDefaultMaxLine = 64 << 20;

  private:
    bool fill();
    void skip_rest_of_line();
    ByteSource& source_;
    std::size_t max_line_;
    std::string buffer_;
    std::size_t pos_ = 0;
    bool eof_ = false;
    std::size_t line_number_ = 0;
    bool truncated_ = false;
};

/// Reads the whole source, up to limit bytes; sets *truncated when more remained.
std::string read_all(ByteSource& source, std::size_t limit, bool* truncated);

}  // namespace morgue
