#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <xapian.h>

namespace morgue {

/// Writes the new documents of a database on several threads at once, because Xapian's write
/// path is most of the time an indexing run takes and one writer uses one core. Documents come
/// in order with consecutive ids; each run of segment_size of them is a database of its own
/// in folder, written by the writers in turn, keeping the documents' final ids, so that
/// compacting the segments together (compaction.h) gives the database one writer would have
/// written.
class SegmentWriters {
  public:
    /// Text queued for one writer, at most (a document in memory takes some 20 times its text).
    static constexpr std::size_t kQueuedTextPerWriter = 16 * 1024 * 1024;

    /// Documents are numbered from first_id on; a writer may hold a whole segment queued, so
    /// that it works while the documents of the next segment go to the next writer.
    SegmentWriters(std::string folder, std::size_t writers, std::size_t segment_size,
                   bool spelling, Xapian::docid first_id,
                   std::size_t queued_text = kQueuedTextPerWriter);
    /// Stops the writers and removes the folder.
    ~SegmentWriters();

    SegmentWriters(const SegmentWriters&) = delete;
    SegmentWriters& operator=(const SegmentWriters&) = delete;

    /// Queues document number id (first_id, first_id + 1 ... in this order), made of about
    /// text_bytes of text; blocks while its writer is behind by a segment or by queued_text
    /// (kQueuedTextPerWriter unless given). Rethrows a writer's failure.
    void add(Xapian::docid id, Xapian::Document doc, std::size_t text_bytes);

    /// Waits until every segment is committed; returns their paths, in document order, then
    /// (when spelling is kept) the path of a database of no documents holding the spelling
    /// data of them all. Segments keep none (a word is new to each segment, and Xapian's work
    /// on a new word is the dear part); merged with them, the words are added with the
    /// documents or not at all. Rethrows a failure.
    std::vector<std::string> finish();

  private:
    struct Lane;

    std::string folder_;
    bool spelling_;
    std::size_t segment_size_;
    std::size_t queued_text_;
    Xapian::docid first_id_;
    std::vector<std::unique_ptr<Lane>> lanes_;
};

}  // namespace morgue
