#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue::shards {

// A sharded archive is a folder holding one morgue database per shard and a Xapian stub file
// (stub.h) listing them, so that Xapian opens the folder as all its shards at once. Hash
// archives (--shards N) put a record in shard-K, K chosen by a stable hash of its unique-id
// term; time archives (--shard-by year|month) in the shard of its date in UTC ("2021",
// "2021-02"), undated records in "undated". Every shard records the layout under
// schema::kShardingKey ("hash 4", "year", "month"); the stub lists the shards in name order
// (hash shards by number), "undated" last.

/// How an archive splits its records.
enum class Scheme { none, hash, year, month };

/// The layout of an archive: its scheme, and for hash archives the number of shards.
struct Layout {
    Scheme scheme = Scheme::none;
    unsigned count = 0;  ///< Scheme::hash only
    bool operator==(const Layout&) const = default;
};

/// Hash shards an archive may have, at most.
inline constexpr unsigned kMaxHashShards = 1024;
/// The shard of undated records in a time archive.
inline constexpr std::string_view kUndated = "undated";

/// The layout --shards and --shard-by ask for (nullopt and "" when not given). Throws
/// UsageError when both are given, for fewer than 2 or more than kMaxHashShards shards, or for
/// a --shard-by other than year or month.
Layout requested_layout(std::optional<unsigned> shards, const std::string& shard_by);

/// The value recorded under schema::kShardingKey: "hash 4", "year", "month".
std::string layout_value(const Layout& layout);
/// The layout of a recorded value; nullopt when it is not one.
std::optional<Layout> parse_layout(std::string_view value);
/// The layout in words, for messages: "4 hash shards", "one shard per year".
std::string describe(const Layout& layout);
/// The flag that lays out an archive this way: "--shards 4", "--shard-by year".
std::string flag_of(const Layout& layout);

/// A stable 64-bit hash (FNV-1a) of a unique-id term: the same on every machine and version.
std::uint64_t id_hash(std::string_view id_term);
/// The hash shard (0 .. count-1) of a unique-id term.
unsigned hash_shard(std::string_view id_term, unsigned count);
/// The folder name of hash shard number index: "shard-3".
std::string hash_shard_name(unsigned index);
/// The time shard of a date (UTC seconds), "2021" or "2021-02"; "undated" without one.
std::string time_shard_name(Scheme scheme, std::optional<std::int64_t> date);
/// The shard of a record in an archive of this layout.
std::string shard_of(const Layout& layout, std::string_view id_term,
                     std::optional<std::int64_t> date);
/// True when name is the name of a shard an archive of this layout can have.
bool is_shard_name(const Layout& layout, std::string_view name);
/// True when name is a shard name of some layout.
bool is_any_shard_name(std::string_view name);
/// Sorts shard names as the stub lists them: hash shards by number, time shards by name
/// (which is by date), "undated" last.
void sort_for_stub(std::vector<std::string>& names);

/// What a -d path holds, as morgue-index sees it.
struct Archive {
    enum class Kind {
        absent,        ///< nothing there yet
        empty_folder,  ///< an empty folder
        database,      ///< one morgue (Xapian) database
        archive,       ///< a sharded archive
        other,         ///< a folder of other files, or a stub file that is not an archive's
    };
    Kind kind = Kind::absent;
    std::string folder;  ///< the archive folder (the folder of a given ARCHIVE/XAPIANDB)
    Layout layout;       ///< archive: as its shards record it (none while no shard records it)
    std::vector<std::string> shards;  ///< archive: shard names, in stub order
    std::string why;                  ///< other: why morgue-index cannot add to it, if known
};

/// Looks at location: a folder holding XAPIANDB (or that stub file itself) is an archive; so is
/// a folder holding only shard databases, as a run killed before it wrote the stub leaves it.
/// Throws DatabaseError, naming the shard or the stub line, when the stub lists a database that
/// is not a shard of the folder, when shards record different layouts, or a shard cannot be read.
Archive inspect(const std::string& location);

/// The layout an indexing run writes: the archive's own, or the requested one for a new archive.
/// Throws UsageError, saying what the path is and what to do, when the request contradicts it
/// (another layout, an unsharded database, a folder of other files) or when neither says.
Layout resolve_layout(const Archive& archive, const Layout& requested, const std::string& location);

}  // namespace morgue::shards
