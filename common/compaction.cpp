#include "compaction.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <xapian.h>

#include "errors.h"
#include "index_writer.h"

namespace morgue {

namespace fs = std::filesystem;

namespace {

std::uint64_t folder_bytes(const fs::path& folder) {
    std::uint64_t bytes = 0;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
        if (entry.is_regular_file()) {
            bytes += entry.file_size();
        }
    }
    return bytes;
}

/// The database folder's path without a trailing slash, so that it has a file name.
fs::path folder_of(const std::string& database) {
    fs::path clean = fs::path(database).lexically_normal();
    return clean.filename().empty() ? clean.parent_path() : clean;
}

}  // namespace

std::string beside(const std::string& database, const std::string& what) {
    fs::path clean = folder_of(database);
    return (clean.parent_path() /
            ("." + clean.filename().string() + "." + what + "-" + std::to_string(::getpid())))
        .string();
}

void remove_stale_work_folders(const std::string& database) {
    fs::path clean = folder_of(database);
    std::string stem = "." + clean.filename().string() + ".";
    fs::path parent = clean.parent_path().empty() ? fs::path(".") : clean.parent_path();
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(parent, ec)) {
        std::string name = entry.path().filename().string();
        for (const char* what : {"segments-", "compacted-"}) {
            if (name.rfind(stem + what, 0) == 0 && entry.is_directory(ec)) {
                fs::remove_all(entry.path(), ec);
            }
        }
    }
}

namespace {

void compact_into(const std::string& output, const std::string& path,
                  const std::vector<std::string>& more_sources) {
    Xapian::Database sources(path);
    for (const std::string& source : more_sources) {
        sources.add_database(Xapian::Database(source));
    }
    sources.compact(output, Xapian::DBCOMPACT_NO_RENUMBER);
}

}  // namespace

CompactionResult compact_in_place(const std::string& path,
                                  const std::vector<std::string>& more_sources,
                                  const std::function<void()>& before_swap) {
    fs::path compacted = beside(path, "compacted");
    std::error_code ignored;
    fs::remove_all(compacted, ignored);
    CompactionResult result;
    try {
        result.bytes_before = folder_bytes(path);
        for (const std::string& source : more_sources) {
            result.bytes_before += folder_bytes(source);
        }
        compact_into(compacted.string(), path, more_sources);
        result.bytes_after = folder_bytes(compacted);
    } catch (const Xapian::DatabaseError& e) {
        fs::remove_all(compacted, ignored);
        throw write_failure(path, e);  // such as a full disk: the copy could not be written
    } catch (const Xapian::Error& e) {
        fs::remove_all(compacted, ignored);
        throw DatabaseError("cannot compact database '" + path + "': " + e.get_description() +
                            "; the database is unchanged");
    } catch (const fs::filesystem_error& e) {
        fs::remove_all(compacted, ignored);
        throw DatabaseError("cannot compact database '" + path + "': " + e.what() +
                            "; the database is unchanged");
    }
    before_swap();
    if (::renameat2(AT_FDCWD, compacted.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) != 0) {
        std::string reason = std::strerror(errno);
        fs::remove_all(compacted, ignored);
        throw DatabaseError("cannot swap in the compacted database '" + path + "': " + reason +
                            "; the database is unchanged");
    }
    fs::remove_all(compacted, ignored);  // now the old database
    return result;
}

}  // namespace morgue
