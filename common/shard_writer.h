#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "fresh_segments.h"
#include "index_writer.h"

namespace morgue {

/// One shard of an archive, written on a thread of its own: what is handed to it is applied in
/// order by an IndexWriter that only that thread touches, so that the shards of an archive are
/// written and committed at the same time, each on a core. Numbered commits ("tickets") tell
/// the caller when what it queued before them is on disk.
class ShardWriter {
  public:
    /// How a shard is written.
    struct Options {
        std::string layout;              ///< recorded in the shard (schema::kShardingKey)
        bool spelling = true;            ///< keep spelling data
        std::size_t lanes = 0;           ///< any: a fresh shard is written in segments
        std::size_t batch_size = 10000;  ///< documents per segment, at most
        std::size_t queued_text = SegmentWriters::kQueuedTextPerWriter;  ///< per segment lane
        std::function<void()> waiting;                                   ///< as for IndexWriter
    };

    /// Opens the shard at path, or creates it recording the layout, on the calling thread, so
    /// that a lock or a newer schema is reported at once. Throws DatabaseError.
    ShardWriter(const std::string& path, const Options& options);
    /// Stops the thread, dropping what is queued and not committed.
    ~ShardWriter();

    ShardWriter(const ShardWriter&) = delete;
    ShardWriter& operator=(const ShardWriter&) = delete;

    /// Sets the text the queue holds at most (a document in memory takes some 20 times its
    /// text); one document is queued whatever its size.
    void set_queue_limit(std::size_t text_bytes);
    /// Queues a document (made of about text_bytes of text) of record number `record`, to add or
    /// to replace the document of its id term. Blocks while the queue is full; rethrows a
    /// failure of the thread.
    void write(std::uint64_t record, Xapian::Document doc, std::string id_term, std::string lang,
               std::size_t text_bytes);
    /// Queues the removal of the document of id_term, if the shard has one: record number
    /// `record` replaces it in another shard.
    void remove_copy(std::uint64_t record, std::string id_term);
    /// Queues the state of a file read to its end (IndexWriter::remember_file).
    void remember_file(std::string path, std::uint64_t size, std::int64_t mtime_ns);
    /// Queues a commit of everything queued before it; returns its ticket. Documents written in
    /// segments (FreshSegments) are on disk only once merged in: with merge, the commit merges
    /// them in; without, its ticket is reached when they are.
    std::uint64_t commit(bool merge = false);
    /// True when something was queued since the last commit().
    bool dirty() const { return dirty_; }
    /// The ticket of the last commit() queued (0: none).
    std::uint64_t last_ticket() const { return tickets_; }
    /// The highest ticket committed to disk so far.
    std::uint64_t committed() const { return committed_.load(); }
    /// Waits until the commit of this ticket is on disk; rethrows a failure of the thread.
    void wait_committed(std::uint64_t ticket);
    /// Runs fn with the writer on the shard's thread after what is queued, and waits for it;
    /// rethrows what it throws.
    void run(const std::function<void(IndexWriter&)>& fn);
    /// Commits what is queued, segments merged in, and stops the thread; rethrows a failure.
    /// The shard stays open.
    void finish();
    /// The records whose earlier copy this shard held (replaced or removed). After finish().
    const std::vector<std::uint64_t>& replaced() const { return replaced_; }
    /// Closes the shard. After finish().
    void close();
    /// Where the shard is.
    const std::string& path() const { return writer_.path(); }

  private:
    struct Op {
        enum class Kind { write, remove_copy, remember, commit, merge, run } kind = Kind::write;
        std::uint64_t number = 0;  ///< write, remove_copy: the record; commit: the ticket
        Xapian::Document doc;
        std::string text;  ///< write, remove_copy: the id term; remember: the file's path
        std::string lang;
        std::uint64_t size = 0;
        std::int64_t mtime_ns = 0;
        std::size_t bytes = 0;  ///< text held, counted against the queue's bound
        const std::function<void(IndexWriter&)>* run = nullptr;  ///< run: what to call
        bool* run_done = nullptr;                                ///< run: set once called
        std::exception_ptr* run_failure = nullptr;               ///< run: what it threw
    };

    void push(Op op);
    void loop();
    void apply(Op& op);
    void store(Op& op);
    void commit(const Op& op);
    void committed(std::uint64_t ticket);
    void rethrow_failure();

    IndexWriter writer_;
    FreshSegments segments_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Op> queue_;
    std::size_t queued_bytes_ = 0;
    std::size_t queue_limit_ = 16 * 1024 * 1024;
    bool closed_ = false;
    std::exception_ptr failure_;
    std::atomic<std::uint64_t> committed_{0};
    std::uint64_t waiting_ticket_ = 0;     ///< the thread's: reached once the segments merge in
    std::uint64_t commits_ = 0;            ///< the thread's: commits done
    std::size_t written_ = 0;              ///< the thread's: documents since the last commit
    std::uint64_t tickets_ = 0;            ///< caller's side
    bool dirty_ = false;                   ///< caller's side
    std::vector<std::uint64_t> replaced_;  ///< the thread's, until it stops
    std::thread thread_;
};

}  // namespace morgue
