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
    /// Documents are numbered from first_id on; a writer may hold a whole segment queued, so
    /// that it works while the documents of the next segment go to the next writer.
    SegmentWriters(std::string folder, std::size_t writers, std::size_t segment_size,
                   bool spelling, Xapian::docid first_id);
    /// Stops the writers and removes the folder.
    ~SegmentWriters();

    SegmentWriters(const SegmentWriters&) = delete;
    SegmentWriters& operator=(const SegmentWriters&) = delete;

    /// Queues document number id (1, 2, 3 ... in this order); blocks while its writer is
    /// behind. Rethrows a writer's failure.
    void add(Xapian::docid id, Xapian::Document doc);
    /// Waits until every segment is committed; returns their paths. Rethrows a failure.
    std::vector<std::string> finish();

  private:
    struct Lane;

    std::string folder_;
    std::size_t segment_size_;
    Xapian::docid first_id_;
    std::vector<std::unique_ptr<Lane>> lanes_;
};

}  // namespace morgue
