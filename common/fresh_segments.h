#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "index_writer.h"
#include "segment_writers.h"

namespace morgue {

/// The new documents of a database that held none before the run, written in segments on
/// several threads (SegmentWriters) and merged in by compaction (compaction.h): faster than its
/// one writer. A document whose id was written before in the run ends that: the segments are
/// merged in and the writer goes on alone, replacing the earlier copy. Documents in segments
/// are on disk only once merged in, and so are the states of the files they came from.
class FreshSegments {
  public:
    /// Documents per segment, at most (and at most a batch).
    static constexpr std::size_t kSegmentSize = 2000;
    /// Segments merged in at once, at most: each holds files open during the merge.
    static constexpr std::size_t kSegmentsPerMerge = 100;

    /// lanes: writer threads; none, or a database that is not fresh, writes no segment.
    /// queued_text: text queued for each of them, at most (SegmentWriters).
    FreshSegments(IndexWriter& writer, std::size_t lanes, std::size_t batch_size, bool spelling,
                  std::size_t queued_text = SegmentWriters::kQueuedTextPerWriter);

    /// Takes a new document into a segment; false when it must go through the writer instead
    /// (no segments, or its id was written before: the segments are merged in first). Throws
    /// DatabaseError (write_failure) when a segment cannot be written.
    bool add(Xapian::Document& doc, const std::string& id_term, const std::string& lang,
             std::size_t text_bytes);
    /// True when the id term's document waits in a segment.
    bool holds(const std::string& id_term) const { return ids_.count(id_term) != 0; }
    /// True when documents wait in segments.
    bool pending() const { return segments_.has_value(); }
    /// True while new documents go to segments.
    bool segmenting() const { return segmenting_; }
    /// Documents per segment.
    std::size_t segment_size() const { return segment_size_; }
    /// Merges the segments in and writes no more: the writer goes on alone.
    void stop();
    /// Records a file as indexed: through the writer now, or, when its documents wait in
    /// segments, once they are merged in.
    void remember_file(const std::string& path, std::uint64_t size, std::int64_t mtime_ns);
    /// Merges in the segments written, if any, and hands the writer the files that waited.
    void merge();

  private:
    struct FileState {
        std::string path;
        std::uint64_t size = 0;
        std::int64_t mtime_ns = 0;
    };

    void open();
    bool written_before(const std::string& id_term);

    IndexWriter& writer_;
    std::size_t lanes_;
    std::size_t segment_size_;
    std::size_t queued_text_;
    bool spelling_;
    bool segmenting_;      ///< new documents go to segments_
    bool merged_ = false;  ///< segments were merged in before: look ids up there too
    std::optional<SegmentWriters> segments_;
    std::unordered_set<std::string> ids_;  ///< id terms in segments_
    std::vector<FileState> files_;         ///< read into segments_, not merged in yet
    Xapian::docid last_id_ = 0;
};

}  // namespace morgue
