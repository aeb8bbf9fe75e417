#pragma once

#include <cstdint>
#include <string>

namespace morgue {

/// Sizes of a database before and after compaction, in bytes.
struct CompactionResult {
    std::uint64_t bytes_before = 0;
    std::uint64_t bytes_after = 0;
};

/// Rewrites the database at path in compact form (full blocks, Xapian::Database::compact) and
/// swaps it in atomically: readers see either the old database or the new one, never a mix.
/// The caller must have committed and closed its writer. Throws DatabaseError.
CompactionResult compact_in_place(const std::string& path);

}  // namespace morgue
