#include "index_sink.h"

#include "output/article_json.h"
#include "schema.h"
#include "text/unicode.h"

namespace morgue {

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

IndexSink::IndexSink(IndexWriter* writer, std::size_t batch_size, std::ostream& out,
                     IndexSummary& summary, bool progress)
    : writer_(writer), batch_size_(batch_size), out_(out), summary_(summary),
      progress_(progress) {}

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
        if (writer_) {
            writer_->remember_file(item.state_path, item.size, item.mtime_ns);
        }
        return;
    }
}

void IndexSink::store(const Article& article, const Xapian::Document& document) {
    if (!article.date) {
        ++summary_.undated;
    }
    if (!writer_) {
        write_article_json(article, out_);
        ++summary_.added;
        return;
    }
    WriteOutcome outcome = writer_->write(document, schema::id_term(article.id), article.lang);
    ++(outcome == WriteOutcome::added ? summary_.added : summary_.replaced);
    if (++pending_ >= batch_size_) {
        writer_->commit();
        pending_ = 0;
    }
    show_progress();
}

void IndexSink::show_progress() {
    if (!progress_) {
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
