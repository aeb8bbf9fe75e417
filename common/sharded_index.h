#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "archive_lock.h"
#include "article.h"
#include "compaction.h"
#include "shard_writer.h"
#include "shards.h"

namespace morgue {

/// How a ShardedIndex opens its archive.
struct ShardedOptions {
    std::string location;            ///< -d: the archive folder (or its stub)
    shards::Layout requested;        ///< --shards / --shard-by; none to continue the archive's
    bool spelling = true;            ///< keep spelling data in every shard
    std::function<void()> waiting;   ///< set: wait for another writer, calling this first
    std::size_t lanes = 1;           ///< time archives: writer threads of a fresh shard
    std::size_t batch_size = 10000;  ///< documents per segment of a fresh shard, at most
};

/// The writing side of a sharded archive (shards.h). Holds the archive's lock, sends each
/// document to its shard's ShardWriter (so that shards are written at once, each on its own
/// thread), removes the copy an id leaves in another shard when its record moves (time
/// archives: a changed date), and records a file as indexed, in the shards it touched, only
/// once its documents are committed in every one of them: a run killed at any moment leaves
/// every file either recorded with all its documents, or read again by the next run.
class ShardedIndex {
  public:
    /// Locks and opens the archive, creating it (and, for a hash layout, all its shards) when
    /// new. Throws UsageError when options.requested contradicts what is there
    /// (shards::resolve_layout), DatabaseError when it is locked, damaged or too new.
    explicit ShardedIndex(const ShardedOptions& options);
    ~ShardedIndex();

    ShardedIndex(const ShardedIndex&) = delete;
    ShardedIndex& operator=(const ShardedIndex&) = delete;

    /// The archive's layout.
    const shards::Layout& layout() const { return layout_; }
    /// The number of shards the archive has.
    std::size_t shard_count() const { return shards_.size(); }
    /// Every file state the shards record (by file_state_key), read when opened; a file whose
    /// shards disagree is left out, to be read again.
    const std::map<std::string, std::string>& file_states() const { return file_states_; }
    /// Removes the document of this id from whichever shard holds it; false when none does.
    bool remove(std::string_view id);
    /// Writes one article's document into its shard, replacing the article's copy wherever it
    /// is. Rethrows a shard's write failure.
    void write(const Article& article, Xapian::Document document);
    /// A file read to its end: recorded as indexed once its documents are committed.
    void file_done(const std::string& path, std::uint64_t size, std::int64_t mtime_ns);
    /// Commits every shard written since the last commit (each on its thread, without waiting)
    /// and records the files whose documents are now committed everywhere.
    void commit();
    /// Commits everything, records every file read, waits for the shards and stops their
    /// threads. Returns how many of the documents written replaced a copy (in any shard). An
    /// archive left with no shard gets an empty "undated" one, which records its layout.
    std::uint64_t finish();
    /// Compacts every shard in place (after finish()). Sizes summed.
    CompactionResult compact();
    /// Merges the shards into one database in the archive's place (after finish()), with
    /// merge_in_place; returns the sizes and, in shards, how many there were.
    CompactionResult merge(std::size_t& shards);

  private:
    /// One shard: its writer once opened, and for lookups a reader of what it held at open.
    struct Shard {
        std::string name;
        std::string path;
        std::unique_ptr<ShardWriter> writer;
        std::optional<Xapian::Database> held;  ///< time archives: documents from earlier runs
        bool touched = false;                  ///< by the file being read
    };
    /// A file read to its end whose state waits for its documents to be committed.
    struct PendingFile {
        std::string path;
        std::uint64_t size = 0;
        std::int64_t mtime_ns = 0;
        std::vector<std::uint32_t> shards;                             ///< the shards it touched
        std::vector<std::pair<std::uint32_t, std::uint64_t>> commits;  ///< shard, ticket
    };

    void open_archive(const ShardedOptions& options);
    void remove_stale_work(const std::vector<std::string>& names) const;
    std::uint32_t add_shard(const std::string& name);
    void read_shard(std::uint32_t index, std::set<std::string>& disagreeing);
    std::uint32_t shard_named(const std::string& name);
    ShardWriter& writer(std::uint32_t index);
    void write_stub();
    void remove_copies(std::uint32_t target, const std::string& id_term, std::uint64_t record);
    void remove_copy(std::uint32_t index, const std::string& id_term, std::uint64_t record,
                     std::vector<std::uint32_t>& done);
    bool held_before(Shard& shard, const std::string& id_term);
    void touch(std::uint32_t index);
    void record_committed_files();
    void record_file(const PendingFile& file);
    void commit_all(bool merge);
    void finish_all();

    std::string folder_;
    shards::Layout layout_;
    ShardWriter::Options writing_;  ///< how every shard is written
    std::optional<ArchiveLock> lock_;
    std::vector<std::unique_ptr<Shard>> shards_;
    std::map<std::string, std::uint32_t> by_name_;
    std::map<std::string, std::string> file_states_;
    /// The shards that recorded each file's state when opened: a new state replaces theirs.
    std::map<std::string, std::vector<std::uint32_t>> state_holders_;
    /// Time archives: the shard each id (by id_hash) was written to in this run; a hash shared
    /// by ids written to other shards too has those in also_written_.
    std::unordered_map<std::uint64_t, std::uint32_t> written_;
    std::unordered_multimap<std::uint64_t, std::uint32_t> also_written_;
    std::vector<std::uint32_t> touched_;    ///< by the file being read
    std::vector<PendingFile> uncommitted_;  ///< files whose documents wait for a commit
    std::deque<PendingFile> committing_;    ///< files whose commits are queued, in order
    std::uint64_t records_ = 0;
    std::size_t writers_ = 0;  ///< shards open for writing
};

}  // namespace morgue
