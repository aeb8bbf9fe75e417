#include "compaction.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <sstream>

#include <xapian.h>

#include "errors.h"
#include "index_writer.h"
#include "schema.h"

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

/// The metadata of shards merged into one database (merge_in_place).
class ShardMetadataMerger : public Xapian::Compactor {
  public:
    std::string resolve_duplicate_metadata(const std::string& table_key, std::size_t count,
                                           const std::string tags[]) override {
        // Xapian 1.4's glass backend passes the key as its table stores it, after a two-byte
        // marker of user metadata.
        std::string_view key = table_key;
        if (key.size() >= 2 && key[0] == '\0' && key[1] == '\xc0') {
            key.remove_prefix(2);
        }
        if (key == schema::kLanguagesKey) {
            std::set<std::string> languages;
            for (std::size_t i = 0; i < count; ++i) {
                std::istringstream words(tags[i]);
                for (std::string word; words >> word;) {
                    languages.insert(word);
                }
            }
            std::string joined;
            for (const std::string& lang : languages) {
                joined += (joined.empty() ? "" : " ") + lang;
            }
            return joined;
        }
        if (key == schema::kSchemaVersionKey) {
            // Every shard was checked on opening: versions this morgue reads, the newest kept.
            return *std::max_element(tags, tags + count,
                                     [](const std::string& a, const std::string& b) {
                                         return std::stoi(a) < std::stoi(b);
                                     });
        }
        if (key == schema::kShardingKey) {
            return {};
        }
        // A file's state (and anything else): kept only when every shard agrees.
        return std::all_of(tags, tags + count, [&](const std::string& t) { return t == tags[0]; })
                   ? tags[0]
                   : std::string();
    }
};

void merge_into(const std::string& output, const std::vector<std::string>& shards) {
    Xapian::Database sources;
    for (const std::string& shard : shards) {
        sources.add_database(Xapian::Database(shard));
    }
    ShardMetadataMerger merger;
    sources.compact(output, 0, 0, merger);
    // A key only one shard holds is copied as it is, without a call to the merger.
    Xapian::WritableDatabase merged(output, Xapian::DB_OPEN);
    merged.set_metadata(std::string(schema::kShardingKey), {});
    merged.commit();
    merged.close();
}

/// Writes the new copy of the database at path into compacted (with write), then puts it in
/// the place of path atomically; the old copy is removed. action names the work in messages
/// ("compact database", "merge archive").
CompactionResult replace_with_copy(const std::string& action, const std::string& path,
                                   const fs::path& compacted, std::uint64_t bytes_before,
                                   const std::function<void(const std::string&)>& write,
                                   const std::function<void()>& before_swap) {
    std::error_code ignored;
    fs::remove_all(compacted, ignored);
    CompactionResult result;
    result.bytes_before = bytes_before;
    try {
        write(compacted.string());
        result.bytes_after = folder_bytes(compacted);
    } catch (const Xapian::DatabaseError& e) {
        fs::remove_all(compacted, ignored);
        throw write_failure(path, e);  // such as a full disk: the copy could not be written
    } catch (const Xapian::Error& e) {
        fs::remove_all(compacted, ignored);
        throw DatabaseError("cannot " + action + " '" + path + "': " + e.get_description() +
                            "; it is unchanged");
    } catch (const fs::filesystem_error& e) {
        fs::remove_all(compacted, ignored);
        throw DatabaseError("cannot " + action + " '" + path + "': " + e.what() +
                            "; it is unchanged");
    }
    before_swap();
    if (::renameat2(AT_FDCWD, compacted.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) != 0) {
        std::string reason = std::strerror(errno);
        fs::remove_all(compacted, ignored);
        throw DatabaseError("cannot " + action + " '" + path +
                            "': cannot swap in the new copy: " + reason + "; it is unchanged");
    }
    fs::remove_all(compacted, ignored);  // now the old database
    return result;
}

}  // namespace

CompactionResult compact_in_place(const std::string& path,
                                  const std::vector<std::string>& more_sources,
                                  const std::function<void()>& before_swap) {
    std::uint64_t bytes = 0;
    try {
        bytes = folder_bytes(path);
        for (const std::string& source : more_sources) {
            bytes += folder_bytes(source);
        }
    } catch (const fs::filesystem_error& e) {
        throw DatabaseError("cannot compact database '" + path + "': " + e.what() +
                            "; the database is unchanged");
    }
    return replace_with_copy(
        "compact database", path, beside(path, "compacted"), bytes,
        [&](const std::string& output) { compact_into(output, path, more_sources); }, before_swap);
}

CompactionResult merge_in_place(const std::string& folder, const std::vector<std::string>& shards,
                                const std::function<void()>& before_swap) {
    std::uint64_t bytes = 0;
    try {
        for (const std::string& shard : shards) {
            bytes += folder_bytes(shard);
        }
    } catch (const fs::filesystem_error& e) {
        throw DatabaseError("cannot merge archive '" + folder + "': " + e.what() +
                            "; the archive is unchanged");
    }
    return replace_with_copy(
        "merge archive", folder, beside(folder, "compacted"), bytes,
        [&](const std::string& output) { merge_into(output, shards); }, before_swap);
}

}  // namespace morgue
