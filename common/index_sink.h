#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "article.h"
#include "diagnostics.h"
#include "index_summary.h"
#include "index_writer.h"
#include "pipeline.h"

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

/// The single consumer of prepared items: writes documents (or prints articles for --dry-run),
/// applies file events, counts everything in the summary and commits in batches.
class IndexSink {
  public:
    /// writer is null for --dry-run.
    IndexSink(IndexWriter* writer, std::size_t batch_size, std::ostream& out,
              IndexSummary& summary, bool progress);

    void consume(IndexItem& item);
    /// Ends the progress line, if one was shown.
    void end_progress();

  private:
    void store(const Article& article, const Xapian::Document& document);
    void show_progress();

    IndexWriter* writer_;
    std::size_t batch_size_;
    std::ostream& out_;
    IndexSummary& summary_;
    bool progress_;
    std::size_t pending_ = 0;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_progress_ = start_;
    bool progress_shown_ = false;
};

}  // namespace morgue
