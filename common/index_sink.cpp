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

IndexSink::IndexSink(IndexWriter* writer, const SinkOptions& options, std::ostream& out,
                     IndexSummary& summary)
    : writer_(writer), options_(options), out_(out), summary_(summary) {
    if (writer_) {
        // One writer thread alone writes the database itself: segments would only add a merge.
        std::size_t lanes = options_.writers > 1 ? options_.writers : 0;
        segments_.emplace(*writer_, lanes, options_.batch_size, options_.spelling);
    }
}

IndexSink::IndexSink(ShardedIndex* shards, const SinkOptions& options, std::ostream& out,
                     IndexSummary& summary)
    : writer_(nullptr), shards_(shards), options_(options), out_(out), summary_(summary) {}

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
        remember_file(item.state_path, item.size, item.mtime_ns);
        return;
    }
}

void IndexSink::remember_file(const std::string& path, std::uint64_t size, std::int64_t mtime_ns) {
    if (shards_) {
        shards_->file_done(path, size, mtime_ns);
    } else if (segments_) {
        segments_->remember_file(path, size, mtime_ns);
    }
}

void IndexSink::store(const Article& article, Xapian::Document& document) {
    if (!article.date) {
        ++summary_.undated;
    }
    if (shards_) {
        store_in_shards(article, document);
        return;
    }
    if (!writer_) {
        write_article_json(article, out_);
        ++summary_.added;
        return;
    }
    std::string id_term = schema::id_term(article.id);
    if (segments_->add(document, id_term, article.lang,
                       article.title.size() + article.body.size())) {
        ++summary_.added;
    } else {
        WriteOutcome outcome = writer_->write(document, id_term, article.lang);
        ++(outcome == WriteOutcome::added ? summary_.added : summary_.replaced);
        if (++pending_ >= options_.batch_size) {
            writer_->commit();
            pending_ = 0;
        }
    }
    show_progress();
}

void IndexSink::store_in_shards(const Article& article, Xapian::Document& document) {
    shards_->write(article, std::move(document));
    ++summary_.added;  // until finish() learns which of them replaced a copy
    if (++pending_ >= options_.batch_size) {
        shards_->commit();
        pending_ = 0;
    }
    show_progress();
}

void IndexSink::finish() {
    if (shards_) {
        std::uint64_t replaced = shards_->finish();
        summary_.added -= replaced;
        summary_.replaced += replaced;
        return;
    }
    if (writer_) {
        segments_->merge();
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
