#include "indexer.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>

#include "errors.h"
#include "index_summary.h"
#include "index_writer.h"
#include "schema.h"
#include "inputs.h"
#include "interrupt.h"
#include "output/article_json.h"
#include "pipeline.h"
#include "streams.h"
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
    return pipeline;
}

/// One indexing run: the state shared by every file it reads.
class IndexRun {
  public:
    IndexRun(const IndexOptions& options, std::ostream& out, std::ostream& err)
        : options_(options), pipeline_(make_pipeline_options(options)), out_(out), err_(err),
          summary_(err, options.quiet) {
        if (!options.dry_run) {
            writer_.emplace(options.database, options.spelling);
        }
    }

    void delete_ids() {
        for (const std::string& id : options_.delete_ids) {
            if (writer_->remove(id)) {
                ++summary_.deleted;
            } else {
                summary_.report(note({}, "no document with id '" + id + "'; nothing deleted",
                                     "unknown id"));
            }
        }
    }

    void index_file(const InputFile& file) {
        std::string state_path = file.path == "-" ? std::string() : absolute_path(file.path);
        if (writer_ && !options_.force && !state_path.empty() &&
            writer_->file_unchanged(state_path, file.size, file.mtime_ns)) {
            ++summary_.files_unchanged;
            return;
        }
        ++summary_.files_read;
        try {
            for_each_stream(file, [this](const InputInfo& info, std::string_view name,
                                         ByteSource& source) { read_stream(info, name, source); });
        } catch (const InputError& e) {
            ++summary_.files_failed;
            Diagnostic failure = note(Origin{display(file), 0},
                                      std::string(e.what()) + "; records read before it are kept",
                                      "unreadable input");
            failure.severity = Severity::error;
            summary_.report(failure);
        }
        if (writer_ && !state_path.empty()) {
            writer_->remember_file(state_path, file.size, file.mtime_ns);
        }
    }

    void report(const Diagnostic& d) { summary_.report(d); }

    /// Commits and prints the summary; returns the exit code.
    int finish(bool was_interrupted) {
        if (writer_) {
            writer_->commit();
        }
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_)
                             .count();
        if (progress_shown_) {
            err_ << '\n';
        }
        summary_.print(seconds);
        if (was_interrupted) {
            err_ << "morgue-index: interrupted; what was indexed is committed. Run the same "
                    "command again to resume: files already indexed are skipped.\n";
            return static_cast<int>(ExitCode::interrupted);
        }
        bool failed = summary_.skipped() > 0 || summary_.files_failed > 0;
        return options_.strict && failed ? static_cast<int>(ExitCode::no_results_or_strict) : 0;
    }

  private:
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
            summary_.report(note(Origin{info.display_path, 0},
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
                     [this](Diagnostic d) { summary_.report(d); });
    }

    void take(Record&& record) {
        if (interrupted()) {
            throw Interrupted();
        }
        notes_.clear();
        std::optional<Article> article = build_article(record, pipeline_, notes_);
        if (std::uint64_t fallbacks = text::windows1252_fallbacks(); fallbacks != fallbacks_) {
            fallbacks_ = fallbacks;
            notes_.push_back(note(record.origin, "text is not UTF-8; read as Windows-1252",
                                  "not UTF-8, read as Windows-1252"));
        }
        for (const Diagnostic& note : notes_) {
            summary_.report(note);
        }
        if (article) {
            store(*article);
        }
    }

    void store(const Article& article) {
        if (!article.date) {
            ++summary_.undated;
        }
        if (!writer_) {
            write_article_json(article, out_);
            ++summary_.added;
            return;
        }
        Xapian::Document doc = builder_.build(article);
        WriteOutcome outcome =
            writer_->write(doc, schema::id_term(article.id), article.lang);
        ++(outcome == WriteOutcome::added ? summary_.added : summary_.replaced);
        if (++pending_ >= options_.batch_size) {
            writer_->commit();
            pending_ = 0;
        }
        show_progress();
    }

    void show_progress() {
        if (!options_.progress || options_.quiet) {
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
        err_ << "\rmorgue-index: " << done << " articles, "
             << static_cast<std::uint64_t>(static_cast<double>(done) / seconds) << " docs/s"
             << std::flush;
    }

    const IndexOptions& options_;
    PipelineOptions pipeline_;
    std::ostream& out_;
    std::ostream& err_;
    IndexSummary summary_;
    std::optional<IndexWriter> writer_;
    DocumentBuilder builder_;
    std::vector<Diagnostic> notes_;
    std::uint64_t fallbacks_ = text::windows1252_fallbacks();
    std::size_t pending_ = 0;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_progress_ = start_;
    bool progress_shown_ = false;
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
