#include "streams.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>
#include <exception>
#include <memory>
#include <utility>
#include <vector>

#include "interrupt.h"

namespace morgue {

namespace {

constexpr std::array<std::string_view, 6> kCompressionSuffixes = {".gz", ".bz2", ".xz", ".zst",
                                                                  ".lz4", ".z"};

bool ends_with_icase(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) {
        return false;
    }
    return std::equal(suffix.begin(), suffix.end(), s.end() - suffix.size(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == b;
    });
}

/// Reads a plain file through its descriptor.
class FdSource : public ByteSource {
  public:
    /// Reads fd; closes it at the end when owned (not standard input).
    FdSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
    ~FdSource() override {
        if (owned_) {
            ::close(fd_);
        }
    }
    FdSource(const FdSource&) = delete;
    FdSource& operator=(const FdSource&) = delete;

    std::size_t read(char* buf, std::size_t n) override {
        for (;;) {
            ssize_t r = ::read(fd_, buf, n);
            if (r >= 0) {
                return static_cast<std::size_t>(r);
            }
            if (errno != EINTR) {
                throw InputError(std::string("read error: ") + std::strerror(errno));
            }
            // A signal interrupted a read that may otherwise wait for ever (a quiet pipe).
            if (interrupted()) {
                throw Interrupted();
            }
        }
    }

  private:
    int fd_;
    bool owned_;
};

struct ArchiveFree {
    void operator()(archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveFree>;

/// Content past this size that is also more than kBombRatio times the compressed bytes read
/// is a decompression bomb, not a dump: news text compresses three- to tenfold.
constexpr std::uint64_t kBombFloor = std::uint64_t{64} << 20;
constexpr std::uint64_t kBombRatio = 200;

/// The data of the current libarchive entry, block by block, so that the blocks decoded
/// before damaged data are delivered before the error is. expanded counts the bytes decoded
/// from the whole file, across its members.
class ArchiveSource : public ByteSource {
  public:
    ArchiveSource(archive* a, std::uint64_t& expanded) : archive_(a), expanded_(expanded) {}
    std::size_t read(char* buf, std::size_t n) override {
        if (pos_ == size_ && !next_block()) {
            return 0;
        }
        std::size_t k = std::min(n, size_ - pos_);
        std::memcpy(buf, block_ + pos_, k);
        pos_ += k;
        return k;
    }

    static std::string archive_message(archive* a) {
        const char* message = archive_error_string(a);
        return message != nullptr ? message : "unreadable compressed or archived data";
    }

  private:
    bool next_block() {
        const void* block = nullptr;
        std::size_t size = 0;
        la_int64_t offset = 0;
        int r = archive_read_data_block(archive_, &block, &size, &offset);
        if (r == ARCHIVE_EOF) {
            return false;
        }
        if (r < ARCHIVE_WARN) {
            throw InputError(archive_message(archive_));
        }
        expanded_ += size;
        check_expansion();
        block_ = static_cast<const char*>(block);
        size_ = size;
        pos_ = 0;
        return size > 0 || next_block();
    }

    void check_expansion() const {
        if (expanded_ <= kBombFloor) {
            return;
        }
        const auto packed = static_cast<std::uint64_t>(std::max<la_int64_t>(
            archive_filter_bytes(archive_, -1), 1));
        if (expanded_ / kBombRatio > packed) {
            throw InputError("content expands to over " + std::to_string(kBombRatio) +
                             " times its compressed size (" + std::to_string(expanded_ >> 20) +
                             " MiB from " + std::to_string(packed >> 10) +
                             " KiB): a decompression bomb; reading stopped");
        }
    }

    archive* archive_;
    std::uint64_t& expanded_;
    const char* block_ = nullptr;
    std::size_t size_ = 0;
    std::size_t pos_ = 0;
};

/// True when the first bytes are a compressed stream or an archive that libarchive must open.
bool is_packed(std::string_view head) {
    auto starts = [&](std::string_view magic) { return head.substr(0, magic.size()) == magic; };
    using namespace std::string_view_literals;
    if (starts("\x1f\x8b"sv) || starts("BZh"sv) || starts("\xfd" "7zXZ\0"sv) ||
        starts("\x28\xb5\x2f\xfd"sv) || starts("\x04\x22\x4d\x18"sv) ||
        starts("\x1f\x9d"sv) || starts("PK\x03\x04"sv) || starts("PK\x05\x06"sv)) {
        return true;
    }
    return head.size() >= 262 && head.substr(257, 5) == "ustar";
}

std::string base_name(std::string_view path) {
    std::size_t slash = path.find_last_of('/');
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

bool hidden_member(std::string_view member) {
    std::string name = base_name(member);
    return name.empty() || name[0] == '.';
}

/// An absolute member name or one with a ".." step: it names a place outside the archive.
bool unsafe_member(std::string_view member) {
    if (member.empty() || member[0] == '/' || member[0] == '\\' ||
        (member.size() > 1 && member[1] == ':')) {
        return true;
    }
    std::size_t start = 0;
    while (start <= member.size()) {
        std::size_t end = std::min(member.find_first_of("/\\", start), member.size());
        if (member.substr(start, end - start) == "..") {
            return true;
        }
        start = end + 1;
    }
    return false;
}

ArchivePtr new_archive() {
    ArchivePtr a(archive_read_new());
    archive_read_support_filter_all(a.get());
    archive_read_support_format_tar(a.get());
    archive_read_support_format_zip(a.get());
    archive_read_support_format_raw(a.get());
    return a;
}

/// Feeds libarchive from a ByteSource (standard input, already peeked at). Exceptions must not
/// cross libarchive's C frames: they become an archive error, and an interrupt is re-raised
/// by the caller.
struct StreamFeed {
    ByteSource* source;
    std::vector<char> buffer = std::vector<char>(1 << 16);

    static la_ssize_t read(archive* a, void* data, const void** out) {
        auto* feed = static_cast<StreamFeed*>(data);
        try {
            *out = feed->buffer.data();
            return static_cast<la_ssize_t>(feed->source->read(feed->buffer.data(),
                                                              feed->buffer.size()));
        } catch (const std::exception& e) {
            archive_set_error(a, EIO, "%s", e.what());
            return -1;
        }
    }
};

void check_open(archive* a, int r) {
    if (r != ARCHIVE_OK) {
        throw InputError(ArchiveSource::archive_message(a));
    }
}

/// Visits the streams of a compressed file or an archive that libarchive has opened.
void visit_members(archive* a, const InputFile& file, const std::string& display,
                   const StreamVisitor& visit, const DiagnosticSink& skipped) {
    archive_entry* entry = nullptr;
    std::uint64_t expanded = 0;
    int r;
    while ((r = archive_read_next_header(a, &entry)) == ARCHIVE_OK || r == ARCHIVE_WARN) {
        ArchiveSource source(a, expanded);
        if (archive_format(a) == ARCHIVE_FORMAT_RAW) {
            std::string name(strip_compression_suffix(base_name(display)));
            visit(InputInfo{display, file.file_id}, name, source);
            continue;
        }
        const char* member = archive_entry_pathname(entry);
        if (archive_entry_filetype(entry) != AE_IFREG || member == nullptr ||
            hidden_member(member)) {
            continue;
        }
        if (unsafe_member(member)) {
            if (skipped) {
                skipped(note(Origin{display, 0},
                             "archive member '" + std::string(member) +
                                 "' names a path outside the archive; member skipped",
                             "unsafe archive path"));
            }
            continue;
        }
        visit(InputInfo{display + ":" + member, file.file_id + ":" + member}, member, source);
    }
    if (r != ARCHIVE_EOF) {
        if (interrupted()) {
            throw Interrupted();
        }
        throw InputError(ArchiveSource::archive_message(a));
    }
}

/// A plain stream goes straight to visit; a packed one through libarchive, which reads the
/// file by name when there is one (so zip can seek to its directory) or the stream itself.
void visit_source(const InputFile& file, const std::string& display, ByteSource& raw,
                  const char* path, const StreamVisitor& visit, const DiagnosticSink& skipped) {
    PeekSource peeked(raw);
    if (!is_packed(peeked.peek(512))) {
        visit(InputInfo{display, file.file_id}, base_name(display), peeked);
        return;
    }
    ArchivePtr a = new_archive();
    StreamFeed feed{&peeked};
    if (path != nullptr) {
        check_open(a.get(), archive_read_open_filename(a.get(), path, 1 << 16));
    } else {
        check_open(a.get(), archive_read_open(a.get(), &feed, nullptr, &StreamFeed::read, nullptr));
    }
    visit_members(a.get(), file, display, visit, skipped);
}

}  // namespace

std::string_view strip_compression_suffix(std::string_view name) {
    for (std::string_view suffix : kCompressionSuffixes) {
        if (ends_with_icase(name, suffix)) {
            return name.substr(0, name.size() - suffix.size());
        }
    }
    return name;
}

void for_each_stream(const InputFile& file, const StreamVisitor& visit,
                     const DiagnosticSink& skipped) {
    if (file.path == "-") {
        FdSource in(STDIN_FILENO, false);
        visit_source(file, "stdin", in, nullptr, visit, skipped);
        return;
    }
    int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        throw InputError(std::string("cannot open: ") + std::strerror(errno));
    }
    FdSource plain(fd, true);
    visit_source(file, file.path, plain, file.path.c_str(), visit, skipped);
}

std::string_view PeekSource::peek(std::size_t n) {
    if (!peeked_) {
        peeked_ = true;
        head_.resize(n);
        std::size_t got = 0;
        try {
            while (got < n) {
                std::size_t r = inner_.read(head_.data() + got, n - got);
                if (r == 0) {
                    break;
                }
                got += r;
            }
        } catch (const InputError&) {
            // The bytes before the damage are still served; read() raises the error after them.
            error_ = std::current_exception();
        }
        head_.resize(got);
    }
    return std::string_view(head_).substr(0, std::min(n, head_.size()));
}

std::size_t PeekSource::read(char* buf, std::size_t n) {
    if (pos_ < head_.size()) {
        std::size_t k = std::min(n, head_.size() - pos_);
        std::memcpy(buf, head_.data() + pos_, k);
        pos_ += k;
        return k;
    }
    if (error_) {
        std::rethrow_exception(std::exchange(error_, nullptr));
    }
    return inner_.read(buf, n);
}

}  // namespace morgue
