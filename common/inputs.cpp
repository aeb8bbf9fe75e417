#include "inputs.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <set>

#include "errors.h"

namespace morgue {

namespace fs = std::filesystem;

namespace {

InputFile make_input(const fs::path& path, std::string file_id, const struct stat& st) {
    InputFile file;
    file.path = path.string();
    file.file_id = std::move(file_id);
    file.size = static_cast<std::uint64_t>(st.st_size);
    file.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    return file;
}

/// The name a folder or file given on the command line contributes to ids: its own name,
/// whatever the current directory ("news/bbc/" and "/data/news/bbc" both give "bbc").
std::string own_name(const std::string& arg) {
    fs::path p = fs::absolute(fs::path(arg)).lexically_normal();
    if (p.filename().empty()) {
        p = p.parent_path();
    }
    std::string name = p.filename().string();
    return name.empty() ? std::string("/") : name;
}

struct DirKey {
    dev_t dev;
    ino_t ino;
    bool operator<(const DirKey& o) const { return dev != o.dev ? dev < o.dev : ino < o.ino; }
};

class Walker {
  public:
    Walker(const std::function<void(const InputFile&)>& visit, const DiagnosticSink& diagnostics)
        : visit_(visit), diagnostics_(diagnostics) {}

    void walk_dir(const fs::path& dir, const std::string& id, const struct stat& st) {
        if (!on_path_.insert({st.st_dev, st.st_ino}).second) {
            warn(dir, "directory loop (a symbolic link leads back to a folder above); not followed");
            return;
        }
        for (const auto& [name, path] : sorted_entries(dir)) {
            visit_entry(path, id + "/" + name);
        }
        on_path_.erase({st.st_dev, st.st_ino});
    }

    void visit_entry(const fs::path& path, const std::string& id) {
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) {
            warn(path, std::string("cannot read (") + std::strerror(errno) + "); skipped");
            return;
        }
        if (S_ISDIR(st.st_mode)) {
            walk_dir(path, id, st);
        } else if (S_ISREG(st.st_mode)) {
            visit_(make_input(path, id, st));
        } else {
            // Opening a FIFO would wait for a writer for ever; a device may never end.
            warn(path, "not a regular file (a pipe, socket or device); skipped");
        }
    }

  private:
    std::vector<std::pair<std::string, fs::path>> sorted_entries(const fs::path& dir) {
        std::vector<std::pair<std::string, fs::path>> entries;
        std::error_code ec;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            std::string name = it->path().filename().string();
            if (!name.empty() && name[0] != '.') {
                entries.emplace_back(std::move(name), it->path());
            }
        }
        if (ec) {
            warn(dir, "cannot list folder (" + ec.message() + "); its files are skipped");
        }
        std::sort(entries.begin(), entries.end());
        return entries;
    }

    void warn(const fs::path& where, std::string message) {
        diagnostics_(note(Origin{where.string(), 0}, std::move(message), "unreadable file"));
    }

    const std::function<void(const InputFile&)>& visit_;
    const DiagnosticSink& diagnostics_;
    std::set<DirKey> on_path_;
};

}  // namespace

void walk_inputs(const std::vector<std::string>& paths,
                 const std::function<void(const InputFile&)>& visit,
                 const DiagnosticSink& diagnostics) {
    Walker walker(visit, diagnostics);
    for (const std::string& arg : paths) {
        if (arg == "-") {
            visit(InputFile{"-", "stdin", 0, 0});
            continue;
        }
        struct stat st {};
        if (::stat(arg.c_str(), &st) != 0) {
            throw UsageError("cannot read input '" + arg + "': " + std::strerror(errno));
        }
        if (S_ISDIR(st.st_mode)) {
            walker.walk_dir(arg, own_name(arg), st);
        } else {
            visit(make_input(arg, own_name(arg), st));
        }
    }
}

}  // namespace morgue
