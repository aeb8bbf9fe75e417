#include "fresh_segments.h"

#include <algorithm>
#include <filesystem>

#include "compaction.h"
#include "errors.h"

namespace morgue {

FreshSegments::FreshSegments(IndexWriter& writer, std::size_t lanes, std::size_t batch_size,
                             bool spelling, std::size_t queued_text)
    : writer_(writer),
      lanes_(lanes),
      segment_size_(std::min(batch_size, kSegmentSize)),
      queued_text_(queued_text),
      spelling_(spelling),
      segmenting_(lanes > 0 && writer.fresh()) {}

bool FreshSegments::add(Xapian::Document& doc, const std::string& id_term, const std::string& lang,
                        std::size_t text_bytes) {
    if (!segmenting_) {
        return false;
    }
    if (written_before(id_term)) {
        stop();  // the second copy replaces the first, wherever it is: the one writer does that
        return false;
    }
    if (!segments_) {
        open();
    }
    // Nothing is committed to the database itself until the segments are merged in.
    try {
        segments_->add(++last_id_, std::move(doc), text_bytes);
    } catch (const Xapian::DatabaseError& e) {
        throw write_failure(writer_.path(), e);  // a segment beside it could not be written
    }
    writer_.note_language(lang);
    if (ids_.size() >= segment_size_ * kSegmentsPerMerge) {
        merge();  // bounds the files open at the merge and the ids kept here
    }
    return true;
}

void FreshSegments::stop() {
    merge();
    segmenting_ = false;
}

void FreshSegments::remember_file(const std::string& path, std::uint64_t size,
                                  std::int64_t mtime_ns) {
    if (segments_) {
        // Recorded before its documents are merged in, the file would be skipped by the next
        // run if this one stopped during the merge.
        files_.push_back(FileState{path, size, mtime_ns});
        return;
    }
    writer_.remember_file(path, size, mtime_ns);
}

void FreshSegments::open() {
    std::string folder = beside(writer_.path(), "segments");
    try {
        segments_.emplace(folder, lanes_, segment_size_, spelling_, last_id_ + 1, queued_text_);
    } catch (const std::filesystem::filesystem_error& e) {
        throw DatabaseError("cannot write database '" + writer_.path() +
                            "': cannot make the work folder '" + folder +
                            "' beside it: " + e.code().message());
    }
}

bool FreshSegments::written_before(const std::string& id_term) {
    if (!ids_.insert(id_term).second) {
        return true;
    }
    return merged_ && writer_.contains(id_term);
}

void FreshSegments::merge() {
    if (!segments_) {
        return;
    }
    std::vector<std::string> segments;
    try {
        segments = segments_->finish();
    } catch (const Xapian::DatabaseError& e) {
        throw write_failure(writer_.path(), e);
    }
    writer_.commit();  // the metadata (languages seen), which the merge takes from here
    compact_in_place(writer_.path(), segments, [this] { writer_.close(); });
    writer_.reopen();
    segments_.reset();
    ids_.clear();
    merged_ = true;
    for (const FileState& file : files_) {
        writer_.remember_file(file.path, file.size, file.mtime_ns);  // with the next batch
    }
    files_.clear();
}

}  // namespace morgue
