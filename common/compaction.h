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

/// A folder beside the database (".NAME.WHAT-PID"), on its filesystem, for work files.
std::string beside(const std::string& database, const std::string& what);

/// Removes the work folders left beside the database by runs that were killed. Call it only
/// while holding the database's write lock, which every run that makes them holds.
void remove_stale_work_folders(const std::string& database);

}  // namespace morgue
