#include "index_sink.h"

#include <algorithm>
#include <filesystem>

#include "compaction.h"
#include "output/article_json.h"
#include "schema.h"
#include "text/unicode.h"

namespace morgue {

namespace {

/// Documents per segment, at most (and at most a batch): small enough that a writer can hold a
/// whole segment queued (see SegmentWriters) at a bounded cost in memory, large enough to keep
/// segments few.
constexpr std::size_t kSegmentSize = 2000;
/// Segments merged in at once, at most: each holds files open during the merge.
constexpr std::size_t kSegmentsPerMerge = 100;

}  // namespace

void prepare_item(IndexItem& item, const PipelineOptions& options, bool documents) {
    if (item.kind != IndexItem::Kind::record) {
        return;
    }
    // One builder per thread: it owns a TermGenerator and stemmers, which are not shared.
    thread_local DocumentBuilder builder;
    std::uint64_t fallbacks = text::windows1252_fallbacks();
    item.article = build_article(item.record, options, item.notes);
    if (item.read_as_cp1252 || text::windows1252_fallbacks() != fallbacks) {
        item.notes.push_back(note(item.record.origin, "text is not UTF-8; read as Windows-1252",
                                  "not UTF-8, read as Windows-1252"));
    }
    if (item.article && documents) {
        item.document = builder.build(*item.article);
    }
    item.record = Record{};  // the article holds what is needed from here on
}

IndexSink::IndexSink(IndexWriter* writer, const SinkOptions& options, std::ostream& out,
                     IndexSummary& summary)
    : writer_(writer), options_(options), out_(out), summary_(summary) {
    segmenting_ = writer_ && options_.writers > 1 && writer_->fresh();
}

void IndexSink::consume(IndexItem& item) {
    switch (item.kind) {
    case IndexItem::Kind::record:
        for (const Diagnostic& d : item.notes) {
            summary_.report(d);
        }
        if (item.article) {
            store(*item.article, item.document);
        }
        return;
    case IndexItem::Kind::file_failed:
        ++summary_.files_failed;
        [[fallthrough]];
    case IndexItem::Kind::diagnostic:
        summary_.report(item.diagnostic);
        return;
    case IndexItem::Kind::file_done:
        remember_file(FileState{item.state_path, item.size, item.mtime_ns});
        return;
    }
}

void IndexSink::remember_file(FileState file) {
    if (!writer_) {
        return;
    }
    if (segments_) {
        // Its documents are in segments: recorded before they are merged in, the file would be
        // skipped by the next run if this one stopped during the merge.
        files_in_segments_.push_back(std::move(file));
        return;
    }
    writer_->remember_file(file.path, file.size, file.mtime_ns);
}

void IndexSink::store(const Article& article, Xapian::Document& document) {
    if (!article.date) {
        ++summary_.undated;
    }
    if (!writer_) {
        write_article_json(article, out_);
        ++summary_.added;
        return;
    }
    if (!store_in_segment(article, document)) {
        WriteOutcome outcome = writer_->write(document, schema::id_term(article.id), article.lang);
        ++(outcome == WriteOutcome::added ? summary_.added : summary_.replaced);
        if (++pending_ >= options_.batch_size) {
            writer_->commit();
            pending_ = 0;
        }
    }
    show_progress();
}

bool IndexSink::store_in_segment(const Article& article, Xapian::Document& document) {
    if (!segmenting_) {
        return false;
    }
    if (written_before(article.id)) {
        // The second copy replaces the first, wherever it is: the one writer does that.
        merge_segments();
        segmenting_ = false;
        return false;
    }
    if (!segments_) {
        open_segments();
    }
    // Nothing is committed to the database itself until the segments are merged in.
    try {
        segments_->add(++last_id_, std::move(document),
                       article.title.size() + article.body.size());
    } catch (const Xapian::DatabaseError& e) {
        throw write_failure(writer_->path(), e);  // a segment beside it could not be written
    }
    writer_->note_language(article.lang);
    ++summary_.added;
    if (segment_ids_.size() >= segment_size() * kSegmentsPerMerge) {
        merge_segments();  // bounds the files open at the merge and the ids kept here
    }
    return true;
}

void IndexSink::open_segments() {
    std::string folder = beside(writer_->path(), "segments");
    try {
        segments_.emplace(folder, options_.writers, segment_size(), options_.spelling,
                          last_id_ + 1);
    } catch (const std::filesystem::filesystem_error& e) {
        throw DatabaseError("cannot write database '" + writer_->path() +
                            "': cannot make the work folder '" + folder +
                            "' beside it: " + e.code().message());
    }
}

std::size_t IndexSink::segment_size() const {
    return std::min(options_.batch_size, kSegmentSize);
}

bool IndexSink::written_before(const std::string& id) {
    if (!segment_ids_.insert(id).second) {
        return true;
    }
    return merged_ && writer_->contains(schema::id_term(id));
}

void IndexSink::merge_segments() {
    if (!segments_) {
        return;
    }
    std::vector<std::string> segments;
    try {
        segments = segments_->finish();
    } catch (const Xapian::DatabaseError& e) {
        throw write_failure(writer_->path(), e);
    }
    writer_->commit();  // the metadata (languages seen), which the merge takes from here
    compact_in_place(writer_->path(), segments, [this] { writer_->close(); });
    writer_->reopen();
    segments_.reset();
    segment_ids_.clear();
    merged_ = true;
    for (FileState& file : files_in_segments_) {
        remember_file(std::move(file));  // committed with the next batch
    }
    files_in_segments_.clear();
}

void IndexSink::finish() {
    if (segments_) {
        merge_segments();
    }
    if (writer_) {
        writer_->commit();
    }
}

void IndexSink::show_progress() {
    if (!options_.progress) {
        return;
    }
    auto now = std::chrono::steady_clock::now();
    if (now - last_progress_ < std::chrono::milliseconds(500)) {
        return;
    }
    last_progress_ = now;
    progress_shown_ = true;
    double seconds = std::chrono::duration<double>(now - start_).count();
    std::uint64_t done = summary_.added + summary_.replaced;
    summary_.stream() << "\rmorgue-index: " << done << " articles, "
                      << static_cast<std::uint64_t>(static_cast<double>(done) / seconds)
                      << " docs/s" << std::flush;
}

void IndexSink::end_progress() {
    if (progress_shown_) {
        summary_.stream() << '\n';
    }
}

}  // namespace morgue
