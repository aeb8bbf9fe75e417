#include "compaction.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <xapian.h>

#include "errors.h"

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

/// A sibling of the database, on the same filesystem so that the swap is a rename.
fs::path sibling(const fs::path& database, const char* what) {
    fs::path clean = database.lexically_normal();
    if (clean.filename().empty()) {
        clean = clean.parent_path();
    }
    return clean.parent_path() /
           ("." + clean.filename().string() + "." + what + "-" + std::to_string(::getpid()));
}

}  // namespace

CompactionResult compact_in_place(const std::string& path) {
    fs::path compacted = sibling(path, "compacted");
    std::error_code ignored;
    fs::remove_all(compacted, ignored);
    CompactionResult result;
    try {
        result.bytes_before = folder_bytes(path);
        Xapian::Database(path).compact(compacted.string());
        result.bytes_after = folder_bytes(compacted);
    } catch (const Xapian::Error& e) {
        fs::remove_all(compacted, ignored);
        throw DatabaseError("cannot compact database '" + path + "': " + e.get_description() +
                            "; the database is unchanged");
    } catch (const fs::filesystem_error& e) {
        fs::remove_all(compacted, ignored);
        throw DatabaseError("cannot compact database '" + path + "': " + e.what() +
                            "; the database is unchanged");
    }
    if (::renameat2(AT_FDCWD, compacted.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) != 0) {
        std::string reason = std::strerror(errno);
        fs::remove_all(compacted, ignored);
        throw DatabaseError("cannot swap in the compacted database '" + path + "': " + reason +
                            "; the database is unchanged");
    }
    fs::remove_all(compacted, ignored);  // now the old, uncompacted database
    return result;
}

}  // namespace morgue
