#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "article.h"
#include "diagnostics.h"
#include "fresh_segments.h"
#include "index_summary.h"
#include "index_writer.h"
#include "pipeline.h"
#include "sharded_index.h"

namespace morgue {

/// One unit of an indexing run's input stream, in input order: a record to index, or an event
/// that must take effect exactly in its place (a diagnostic of the reader, a finished file).
struct IndexItem {
    enum class Kind { record, diagnostic, file_failed, file_done };
    Kind kind = Kind::record;
    Record record;                ///< Kind::record; emptied once prepared
    bool read_as_cp1252 = false;  ///< the reader already fell back to Windows-1252 for it
    Diagnostic diagnostic;        ///< Kind::diagnostic and Kind::file_failed
    std::string state_path;       ///< Kind::file_done: the file to remember as indexed
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;

    // Filled by prepare_item() for a record.
    std::vector<Diagnostic> notes;
    std::optional<Article> article;
    Xapian::Document document;
};

/// The per-record work, safe on any thread: the article, its notes and (unless documents is
/// false, for --dry-run) its Xapian document.
void prepare_item(IndexItem& item, const PipelineOptions& options, bool documents);

/// How an IndexSink writes.
struct SinkOptions {
    std::size_t batch_size = 10000;  ///< documents per commit (and per segment)
    std::size_t writers = 1;         ///< more than one: a fresh database is written in segments
    bool spelling = true;
    bool progress = false;
};

/// The single consumer of prepared items: writes documents (or prints articles for --dry-run),
/// applies file events, counts everything in the summary and commits in batches. A fresh
/// database is written in segments (FreshSegments), merged in by finish(). A sharded archive
/// is written through its ShardedIndex instead.
class IndexSink {
  public:
    /// writer is null for --dry-run.
    IndexSink(IndexWriter* writer, const SinkOptions& options, std::ostream& out,
              IndexSummary& summary);
    /// Writes into the shards of an archive.
    IndexSink(ShardedIndex* shards, const SinkOptions& options, std::ostream& out,
              IndexSummary& summary);

    void consume(IndexItem& item);
    /// Merges the segments written, if any, into the database, and commits.
    void finish();
    /// Ends the progress line, if one was shown.
    void end_progress();

  private:
    void remember_file(const std::string& path, std::uint64_t size, std::int64_t mtime_ns);
    void store(const Article& article, Xapian::Document& document);
    void store_in_shards(const Article& article, Xapian::Document& document);
    void show_progress();

    IndexWriter* writer_;
    ShardedIndex* shards_ = nullptr;
    SinkOptions options_;
    std::ostream& out_;
    IndexSummary& summary_;
    std::optional<FreshSegments> segments_;  ///< with writer_: a fresh database's new documents
    std::size_t pending_ = 0;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_progress_ = start_;
    bool progress_shown_ = false;
};

}  // namespace morgue
