#include "indexer.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

#include "compaction.h"
#include "errors.h"
#include "index_sink.h"
#include "index_summary.h"
#include "index_writer.h"
#include "inputs.h"
#include "interrupt.h"
#include "ordered_pipeline.h"
#include "pipeline.h"
#include "schema.h"
#include "sharded_index.h"
#include "shards.h"
#include "streams.h"
#include "stub.h"
#include "text/language.h"
#include "text/unicode.h"

namespace morgue {

namespace {

constexpr std::size_t kDetectBytes = 64 * 1024;

PipelineOptions make_pipeline_options(const IndexOptions& options) {
    PipelineOptions pipeline;
    pipeline.extract_entities = options.entities;
    for (const std::string& spec : options.field_maps) {
        std::string error;
        if (!pipeline.fields.add_override(spec, &error)) {
            throw UsageError("--map " + spec + ": " + error);
        }
    }
    std::optional<dates::TimeZone> tz = dates::TimeZone::find(options.tz);
    if (!tz) {
        throw UsageError("--tz " + options.tz +
                         ": unknown time zone (use UTC, an offset such as +02:00, or a name "
                         "such as Europe/Berlin)");
    }
    pipeline.tz = *tz;
    pipeline.near_copies = options.near_copies;
    if (!options.language.empty()) {
        pipeline.language = text::normalise_language(options.language);
        if (pipeline.language.empty()) {
            throw UsageError("--language " + options.language +
                             ": not a language code (use ISO 639-1, such as en or de)");
        }
    }
    return pipeline;
}

/// Worker threads of the per-record work: --threads, or the processors available.
std::size_t worker_threads(const IndexOptions& options) {
    std::size_t threads = options.threads;
    if (threads == 0) {
        threads = std::max(1U, std::thread::hardware_concurrency());
    }
    // One thread does the work in turn, with no threads to hand it between.
    return threads == 1 ? 0 : threads;
}

/// Records in flight between the reader and the writer: enough to keep every worker busy
/// while the writer commits, few enough (with the byte bound) to keep memory flat.
constexpr std::size_t kItemsInFlight = 256;
constexpr std::size_t kBytesInFlight = 64 * 1024 * 1024;

std::size_t record_bytes(const Record& record) {
    std::size_t bytes = sizeof(Record);
    for (const auto& [key, value] : record.fields) {
        bytes += key.size() + value.size();
    }
    return bytes;
}

/// One indexing run: reads every input on this thread and hands each record, in order, to the
/// pipeline that prepares documents on worker threads and hands them, in order, to the sink
/// (IndexSink), which writes them itself or, into a new database, through SegmentWriters.
class IndexRun {
  public:
    IndexRun(const IndexOptions& options, std::ostream& out, std::ostream& err)
        : options_(options), pipeline_(make_pipeline_options(options)),
          summary_(err, options.quiet) {
        shards::Layout requested = shards::requested_layout(options.shards, options.shard_by);
        if (options.merge && (requested.scheme != shards::Scheme::none || options.dry_run)) {
            throw UsageError(std::string("--merge combines the shards of an existing archive; ") +
                             (options.dry_run
                                  ? "--dry-run writes nothing"
                                  : "it does not go with " + shards::flag_of(requested)));
        }
        if (!options.dry_run) {
            open_database(requested, err);
        }
        SinkOptions sink;
        sink.batch_size = options.batch_size;
        sink.writers = std::max<std::size_t>(1, worker_threads(options));
        sink.spelling = options.spelling;
        sink.progress = options.progress && !options.quiet;
        if (shards_) {
            sink_.emplace(&*shards_, sink, out, summary_);
        } else {
            sink_.emplace(writer_ ? &*writer_ : nullptr, sink, out, summary_);
        }
        stream_.emplace(
            worker_threads(options), kItemsInFlight, kBytesInFlight,
            [this](IndexItem& item) { prepare_item(item, pipeline_, !options_.dry_run); },
            [this](IndexItem& item) { sink_->consume(item); });
    }

    void delete_ids() {
        for (const std::string& id : options_.delete_ids) {
            if (shards_ ? shards_->remove(id) : writer_->remove(id)) {
                ++summary_.deleted;
            } else {
                report(note({}, "no document with id '" + id + "'; nothing deleted",
                            "unknown id"));
            }
        }
    }

    void index_file(const InputFile& file) {
        std::string state_path = file.path == "-" ? std::string() : absolute_path(file.path);
        std::string state = file_state(file.size, file.mtime_ns);
        bool writing = writer_ || shards_;
        if (writing && !options_.force && !state_path.empty()) {
            auto known = file_states_.find(file_state_key(state_path));
            if (known != file_states_.end() && known->second == state) {
                ++summary_.files_unchanged;
                return;
            }
        }
        ++summary_.files_read;
        try {
            for_each_stream(
                file,
                [this](const InputInfo& info, std::string_view name, ByteSource& source) {
                    read_stream(info, name, source);
                },
                [this](const Diagnostic& d) { report(d); });
        } catch (const InputError& e) {
            IndexItem failure;
            failure.kind = IndexItem::Kind::file_failed;
            failure.diagnostic = note(Origin{display(file), 0},
                                      std::string(e.what()) + "; records read before it are kept",
                                      "unreadable input");
            failure.diagnostic.severity = Severity::error;
            stream_->submit(std::move(failure), 0);
        }
        if (writing && !state_path.empty()) {
            file_states_[file_state_key(state_path)] = state;
            IndexItem done;
            done.kind = IndexItem::Kind::file_done;
            done.state_path = state_path;
            done.size = file.size;
            done.mtime_ns = file.mtime_ns;
            stream_->submit(std::move(done), 0);
        }
    }

    void report(const Diagnostic& d) {
        IndexItem item;
        item.kind = IndexItem::Kind::diagnostic;
        item.diagnostic = d;
        stream_->submit(std::move(item), 0);
    }

    /// Writes what is in flight, commits and prints the summary; returns the exit code.
    int finish(bool was_interrupted) {
        stream_->finish();
        sink_->finish();
        sink_->end_progress();
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_)
                             .count();
        summary_.print(seconds);
        if (options_.merge && shards_ && !was_interrupted) {
            merge();  // into a compact database: --compact has nothing left to do
        } else if (options_.compact && (writer_ || shards_) && !was_interrupted) {
            compact();
        }
        if (was_interrupted) {
            summary_.stream()
                << "morgue-index: interrupted; what was indexed is committed. Run the same "
                   "command again to resume: files already indexed are skipped.\n";
            return static_cast<int>(ExitCode::interrupted);
        }
        bool failed = summary_.skipped() > 0 || summary_.files_failed > 0;
        return options_.strict && failed ? static_cast<int>(ExitCode::no_results_or_strict) : 0;
    }

  private:
    /// Opens the database, or the sharded archive that -d is or that requested lays out.
    void open_database(const shards::Layout& requested, std::ostream& err) {
        std::function<void()> waiting;
        if (options_.wait) {
            waiting = [&err, this] {
                err << "morgue-index: database '" << options_.database
                    << "' is locked by another writer; waiting for it to finish\n";
            };
        }
        if (writes_archive(requested)) {
            shards_.emplace(ShardedOptions{options_.database, requested, options_.spelling, waiting,
                                           std::max<std::size_t>(1, worker_threads(options_)),
                                           options_.batch_size});
            file_states_ = shards_->file_states();
            return;
        }
        if (options_.merge) {
            throw UsageError("--merge: '" + options_.database +
                             "' is not a sharded archive, so there is nothing to merge "
                             "(--compact rewrites a single database compactly)");
        }
        writer_.emplace(options_.database, options_.spelling, waiting);
        check_not_a_shard();
        remove_stale_work_folders(options_.database);
        file_states_ = writer_->file_states();
    }

    /// True when -d is a sharded archive (a folder holding XAPIANDB, or that file), or one is
    /// asked for.
    bool writes_archive(const shards::Layout& requested) const {
        if (requested.scheme != shards::Scheme::none) {
            return true;
        }
        std::optional<std::string> stub = stub::stub_file(options_.database);
        if (stub) {
            return std::filesystem::path(*stub).filename() == stub::kStubName;
        }
        std::error_code ec;
        return std::filesystem::is_directory(options_.database, ec) &&
               shards::inspect(options_.database).kind == shards::Archive::Kind::archive;
    }

    /// Documents written into one shard alone would bypass the archive's layout.
    void check_not_a_shard() const {
        if (!writer_->metadata(schema::kShardingKey).empty()) {
            std::filesystem::path shard =
                std::filesystem::path(options_.database).lexically_normal();
            std::string archive =
                (shard.filename().empty() ? shard.parent_path() : shard).parent_path().string();
            throw UsageError("'" + options_.database + "' is a shard of the sharded archive '" +
                             archive + "'; index into the archive instead: -d " + archive);
        }
    }

    void compact() {
        CompactionResult sizes =
            shards_ ? shards_->compact()
                    : compact_in_place(options_.database, {}, [this] { writer_->close(); });
        print_sizes(shards_ ? "compacted " + std::to_string(shards_->shard_count()) + " shards"
                            : std::string("compacted"),
                    sizes);
    }

    void merge() {
        std::size_t count = 0;
        CompactionResult sizes = shards_->merge(count);
        print_sizes("merged " + std::to_string(count) + " shards into one database", sizes);
    }

    void print_sizes(const std::string& what, const CompactionResult& sizes) {
        char line[200];
        std::snprintf(line, sizeof line, "morgue-index: %s: %.1f MB -> %.1f MB\n", what.c_str(),
                      static_cast<double>(sizes.bytes_before) / 1e6,
                      static_cast<double>(sizes.bytes_after) / 1e6);
        summary_.stream() << line;
    }

    static std::string absolute_path(const std::string& path) {
        std::error_code ec;
        std::filesystem::path p = std::filesystem::weakly_canonical(path, ec);
        return ec ? std::filesystem::absolute(path).string() : p.string();
    }

    static std::string display(const InputFile& file) {
        return file.path == "-" ? std::string("stdin") : file.path;
    }

    void read_stream(const InputInfo& info, std::string_view name, ByteSource& source) {
        PeekSource peeked(source);
        // Peek only to detect: a given format must not wait for 64 KiB of a slow pipe.
        std::optional<Format> format = options_.format;
        if (format == Format::automatic) {
            format = detect_format(name, peeked.peek(kDetectBytes));
        }
        if (!format) {
            report(note(Origin{info.display_path, 0},
                        "not a format morgue reads (binary or unknown content); "
                        "file skipped (--format forces one)",
                        "unrecognised format"));
            return;
        }
        CsvOptions csv = options_.csv;
        if (*format == Format::csv && !csv.delimiter) {
            csv.delimiter = detect_delimiter(peeked.peek(kDetectBytes));
        }
        std::unique_ptr<Reader> reader = make_reader(*format, csv);
        reader->read(peeked, info, [this](Record&& record) { take(std::move(record)); },
                     [this](Diagnostic d) { report(d); });
    }

    void take(Record&& record) {
        if (interrupted()) {
            throw Interrupted();
        }
        IndexItem item;
        // A fallback counted on this thread since the last record was the reader's, for this
        // record; the pipeline counts its own on the thread that prepares the record.
        item.read_as_cp1252 = text::windows1252_fallbacks() != fallbacks_;
        std::size_t bytes = record_bytes(record);
        item.record = std::move(record);
        stream_->submit(std::move(item), bytes);
        fallbacks_ = text::windows1252_fallbacks();
    }

    const IndexOptions& options_;
    PipelineOptions pipeline_;
    IndexSummary summary_;
    std::optional<IndexWriter> writer_;
    std::optional<ShardedIndex> shards_;              ///< instead of writer_, for a sharded archive
    std::map<std::string, std::string> file_states_;  ///< read on this thread only
    std::optional<IndexSink> sink_;
    std::optional<OrderedPipeline<IndexItem>> stream_;  ///< last: its threads stop first
    std::uint64_t fallbacks_ = text::windows1252_fallbacks();
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

int run_checked(const IndexOptions& options, std::ostream& out, std::ostream& err) {
    IndexRun run(options, out, err);
    if (!options.dry_run) {
        run.delete_ids();
    }
    try {
        walk_inputs(options.inputs, [&run](const InputFile& file) { run.index_file(file); },
                    [&run](Diagnostic d) { run.report(d); });
    } catch (const Interrupted&) {
        return run.finish(true);
    }
    return run.finish(false);
}

}  // namespace

int run_index(const IndexOptions& options, std::ostream& out, std::ostream& err) {
    try {
        return run_checked(options, out, err);
    } catch (const UsageError& e) {
        err << "morgue-index: error: " << e.what() << '\n';
        return static_cast<int>(ExitCode::usage);
    } catch (const Interrupted&) {
        err << "morgue-index: interrupted while waiting for another writer; nothing was "
               "written\n";
        return static_cast<int>(ExitCode::interrupted);
    } catch (const DatabaseError& e) {
        err << "morgue-index: error: " << e.what() << '\n';
        return static_cast<int>(ExitCode::database);
    } catch (const Xapian::Error& e) {
        err << "morgue-index: error: database '" << options.database
            << "': " << e.get_description() << '\n';
        return static_cast<int>(ExitCode::database);
    }
}

}  // namespace morgue
