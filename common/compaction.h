#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace morgue {

/// Sizes of a database before and after compaction, in bytes.
struct CompactionResult {
    std::uint64_t bytes_before = 0;
    std::uint64_t bytes_after = 0;
};

/// Rewrites the database at path, merged with the databases at more_sources, in compact form
/// (full blocks, Xapian::Database::compact; document ids kept, so their ranges must not
/// overlap) and swaps the result in atomically: readers see either the old database or the
/// new one, never a mix. The caller's committed writer may stay open while the copy is made;
/// before_swap must close it. Throws DatabaseError, leaving the database as it was.
CompactionResult compact_in_place(const std::string& path,
                                  const std::vector<std::string>& more_sources,
                                  const std::function<void()>& before_swap);

/// Combines the shards of the archive folder (their paths, in the stub's order) into one
/// database, documents renumbered in that order, with their metadata merged: languages as the
/// union, the schema version the highest, a file's state kept when every shard that records it
/// agrees (else dropped, so that the file is read again), the sharding layout removed. The
/// database takes the folder's place atomically, as compact_in_place does: readers see the
/// archive or the database, never a mix; before_swap must close the shards' writers. Throws
/// DatabaseError, leaving the archive as it was.
CompactionResult merge_in_place(const std::string& folder, const std::vector<std::string>& shards,
                                const std::function<void()>& before_swap);

/// A folder beside the database (".NAME.WHAT-PID"), on its filesystem, for work files.
std::string beside(const std::string& database, const std::string& what);

/// Removes the work folders left beside the database by runs that were killed. Call it only
/// while holding the database's write lock, which every run that makes them holds.
void remove_stale_work_folders(const std::string& database);

}  // namespace morgue
