#pragma once

#include <exception>
#include <functional>
#include <string>
#include <string_view>

#include "inputs.h"
#include "readers/byte_source.h"
#include "readers/reader.h"

namespace morgue {

/// A source that can show its first bytes before they are read, for format detection.
class PeekSource : public ByteSource {
  public:
    explicit PeekSource(ByteSource& inner) : inner_(inner) {}
    /// Up to n first bytes, without consuming them.
    std::string_view peek(std::size_t n);
    std::size_t read(char* buf, std::size_t n) override;

  private:
    ByteSource& inner_;
    std::string head_;
    std::size_t pos_ = 0;
    bool peeked_ = false;
    std::exception_ptr error_;  ///< a read error met while peeking, raised after the head
};

/// Receives each stream of an input: what it is, its name (for format detection), its bytes.
using StreamVisitor =
    std::function<void(const InputInfo& info, std::string_view name, ByteSource& source)>;

/// Calls visit for each stream inside an input file, read as it is, never unpacked to disk:
/// the file itself; its content when compressed (.gz, .bz2, .xz, .zst, lz4), named without
/// the compression suffix; or each regular member of an archive (.tar, .tar.gz, .zip ...),
/// named "archive:member" with file_id "archive-id:member". Members named outside the
/// archive (absolute, or with a ".." step) are not read: skipped hears of each. Throws
/// InputError when the file cannot be opened, its container is broken, or its content expands
/// like a decompression bomb (the members already visited stay visited), Interrupted when a
/// signal arrives while it waits for input.
void for_each_stream(const InputFile& file, const StreamVisitor& visit,
                     const DiagnosticSink& skipped = {});

/// The name without compression suffixes: "a.jsonl.gz" -> "a.jsonl".
std::string_view strip_compression_suffix(std::string_view name);

}  // namespace morgue
