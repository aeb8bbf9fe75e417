#include "streams.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <memory>

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
    FdSource(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
    ~FdSource() override { ::close(fd_); }
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
        }
    }

  private:
    int fd_;
    std::string path_;
};

struct ArchiveFree {
    void operator()(archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveFree>;

/// The data of the current libarchive entry.
class ArchiveSource : public ByteSource {
  public:
    explicit ArchiveSource(archive* a) : archive_(a) {}
    std::size_t read(char* buf, std::size_t n) override {
        la_ssize_t r = archive_read_data(archive_, buf, n);
        if (r < 0) {
            throw InputError(archive_message(archive_));
        }
        return static_cast<std::size_t>(r);
    }

    static std::string archive_message(archive* a) {
        const char* message = archive_error_string(a);
        return message != nullptr ? message : "unreadable compressed or archived data";
    }

  private:
    archive* archive_;
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

ArchivePtr open_archive(const InputFile& file) {
    ArchivePtr a(archive_read_new());
    archive_read_support_filter_all(a.get());
    archive_read_support_format_tar(a.get());
    archive_read_support_format_zip(a.get());
    archive_read_support_format_raw(a.get());
    int r = file.path == "-" ? archive_read_open_fd(a.get(), 0, 1 << 16)
                             : archive_read_open_filename(a.get(), file.path.c_str(), 1 << 16);
    if (r != ARCHIVE_OK) {
        throw InputError(ArchiveSource::archive_message(a.get()));
    }
    return a;
}

/// Visits the streams of a compressed file or an archive through libarchive.
void visit_packed(const InputFile& file, const std::string& display,
                  const std::function<void(const InputInfo&, std::string_view, ByteSource&)>& visit) {
    ArchivePtr a = open_archive(file);
    archive_entry* entry = nullptr;
    int r;
    while ((r = archive_read_next_header(a.get(), &entry)) == ARCHIVE_OK || r == ARCHIVE_WARN) {
        ArchiveSource source(a.get());
        if (archive_format(a.get()) == ARCHIVE_FORMAT_RAW) {
            std::string name(strip_compression_suffix(base_name(display)));
            visit(InputInfo{display, file.file_id}, name, source);
            continue;
        }
        const char* member = archive_entry_pathname(entry);
        if (archive_entry_filetype(entry) != AE_IFREG || member == nullptr ||
            hidden_member(member)) {
            continue;
        }
        visit(InputInfo{display + ":" + member, file.file_id + ":" + member}, member, source);
    }
    if (r != ARCHIVE_EOF) {
        throw InputError(ArchiveSource::archive_message(a.get()));
    }
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

void for_each_stream(const InputFile& file,
                     const std::function<void(const InputInfo&, std::string_view name,
                                              ByteSource&)>& visit) {
    std::string display = file.path == "-" ? std::string("stdin") : file.path;
    if (file.path == "-") {
        visit_packed(file, display, visit);
        return;
    }
    int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        throw InputError(std::string("cannot open: ") + std::strerror(errno));
    }
    FdSource plain(fd, file.path);
    PeekSource peeked(plain);
    if (is_packed(peeked.peek(512))) {
        visit_packed(file, display, visit);
        return;
    }
    visit(InputInfo{display, file.file_id}, base_name(file.path), peeked);
}

std::string_view PeekSource::peek(std::size_t n) {
    if (!peeked_) {
        peeked_ = true;
        head_.resize(n);
        std::size_t got = 0;
        while (got < n) {
            std::size_t r = inner_.read(head_.data() + got, n - got);
            if (r == 0) {
                break;
            }
            got += r;
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
    return inner_.read(buf, n);
}

}  // namespace morgue
