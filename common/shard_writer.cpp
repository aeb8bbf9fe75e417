#include "shard_writer.h"

#include "schema.h"

namespace morgue {

namespace {

/// Operations queued for one shard, at most: enough to keep its thread busy while the caller
/// serves the other shards.
constexpr std::size_t kMaxQueued = 4096;
/// Operations the thread takes from the queue at once.
constexpr std::size_t kTakenAtOnce = 64;

}  // namespace

ShardWriter::ShardWriter(const std::string& path, const Options& options)
    : writer_(path, options.spelling, options.waiting),
      segments_(writer_, options.lanes, options.batch_size, options.spelling, options.queued_text) {
    std::string recorded = writer_.metadata(schema::kShardingKey);
    if (recorded.empty()) {
        writer_.set_metadata(schema::kShardingKey, options.layout);
        writer_.commit();  // with the schema version: the shard says what it is from the start
    } else if (recorded != options.layout) {
        throw DatabaseError("shard '" + path + "' records the layout '" + recorded +
                            "', not the archive's '" + options.layout + "'");
    }
    thread_ = std::thread([this] { loop(); });
}

ShardWriter::~ShardWriter() {
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
        queue_.clear();
    }
    changed_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void ShardWriter::write(std::uint64_t record, Xapian::Document doc, std::string id_term,
                        std::string lang, std::size_t text_bytes) {
    Op op;
    op.kind = Op::Kind::write;
    op.number = record;
    op.doc = std::move(doc);
    op.text = std::move(id_term);
    op.lang = std::move(lang);
    op.bytes = text_bytes;
    push(std::move(op));
}

void ShardWriter::remove_copy(std::uint64_t record, std::string id_term) {
    Op op;
    op.kind = Op::Kind::remove_copy;
    op.number = record;
    op.text = std::move(id_term);
    push(std::move(op));
}

void ShardWriter::remember_file(std::string path, std::uint64_t size, std::int64_t mtime_ns) {
    Op op;
    op.kind = Op::Kind::remember;
    op.text = std::move(path);
    op.size = size;
    op.mtime_ns = mtime_ns;
    push(std::move(op));
}

std::uint64_t ShardWriter::commit(bool merge) {
    Op op;
    op.kind = merge ? Op::Kind::merge : Op::Kind::commit;
    op.number = ++tickets_;
    push(std::move(op));
    dirty_ = false;
    return tickets_;
}

void ShardWriter::wait_committed(std::uint64_t ticket) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return failure_ || committed_.load() >= ticket; });
    rethrow_failure();
}

void ShardWriter::run(const std::function<void(IndexWriter&)>& fn) {
    bool done = false;
    std::exception_ptr failure;
    Op op;
    op.kind = Op::Kind::run;
    op.run = &fn;
    op.run_done = &done;
    op.run_failure = &failure;
    push(std::move(op));
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return done || failure_; });
    if (failure) {
        std::rethrow_exception(failure);
    }
    rethrow_failure();
}

void ShardWriter::finish() {
    if (!thread_.joinable()) {
        return;
    }
    commit(true);
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
    }
    changed_.notify_all();
    thread_.join();
    rethrow_failure();
}

void ShardWriter::set_queue_limit(std::size_t text_bytes) {
    std::lock_guard lock(mutex_);
    queue_limit_ = text_bytes;
}

void ShardWriter::close() {
    writer_.close();
}

void ShardWriter::push(Op op) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] {
        return failure_ || queue_.empty() ||
               (queue_.size() < kMaxQueued && queued_bytes_ + op.bytes <= queue_limit_);
    });
    rethrow_failure();
    bool commit = op.kind == Op::Kind::commit || op.kind == Op::Kind::merge;
    queued_bytes_ += op.bytes;
    queue_.push_back(std::move(op));
    // The thread sleeps only on an empty queue.
    bool wake = queue_.size() == 1;
    lock.unlock();
    if (wake) {
        changed_.notify_all();
    }
    if (!commit) {
        dirty_ = true;
    }
}

void ShardWriter::loop() {
    std::vector<Op> batch;
    try {
        for (;;) {
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return closed_ || !queue_.empty(); });
                if (queue_.empty()) {
                    return;
                }
                // A few at a time: what is taken is no longer counted against the bound.
                while (!queue_.empty() && batch.size() < kTakenAtOnce) {
                    queued_bytes_ -= queue_.front().bytes;
                    batch.push_back(std::move(queue_.front()));
                    queue_.pop_front();
                }
            }
            changed_.notify_all();
            for (Op& op : batch) {
                apply(op);
            }
            batch.clear();  // the documents are freed on this thread, which holds them alone
        }
    } catch (...) {
        std::lock_guard lock(mutex_);
        failure_ = std::current_exception();
        changed_.notify_all();
    }
}

void ShardWriter::apply(Op& op) {
    switch (op.kind) {
        case Op::Kind::write:
        case Op::Kind::remove_copy:
            store(op);
            if (waiting_ticket_ > committed_.load() && !segments_.pending()) {
                committed(waiting_ticket_);  // the segments were merged in on the way
            }
            return;
        case Op::Kind::remember:
            segments_.remember_file(op.text, op.size, op.mtime_ns);
            return;
        case Op::Kind::commit:
        case Op::Kind::merge:
            commit(op);
            return;
        case Op::Kind::run: {
            try {
                (*op.run)(writer_);
            } catch (...) {
                *op.run_failure = std::current_exception();
            }
            std::lock_guard lock(mutex_);
            *op.run_done = true;
            changed_.notify_all();
            return;
        }
    }
}

void ShardWriter::store(Op& op) {
    if (op.kind == Op::Kind::remove_copy) {
        if (segments_.holds(op.text)) {
            segments_.stop();  // the writer removes what it holds
        }
        if (writer_.remove_term(op.text)) {
            replaced_.push_back(op.number);
        }
        return;
    }
    ++written_;
    if (!segments_.add(op.doc, op.text, op.lang, op.bytes) &&
        writer_.write(op.doc, op.text, op.lang) == WriteOutcome::replaced) {
        replaced_.push_back(op.number);
    }
    op.doc = Xapian::Document();
}

void ShardWriter::commit(const Op& op) {
    if (op.kind == Op::Kind::merge) {
        segments_.merge();
    } else if (segments_.segmenting() && commits_ > 0 && written_ < segments_.segment_size()) {
        // Not among the shards most written to: what it holds in segments (in memory until a
        // segment is full) goes in, and its writer goes on alone.
        segments_.stop();
    }
    ++commits_;
    written_ = 0;
    writer_.commit();
    if (segments_.pending()) {
        waiting_ticket_ = op.number;
    } else {
        committed(op.number);
    }
}

void ShardWriter::committed(std::uint64_t ticket) {
    std::lock_guard lock(mutex_);
    committed_.store(ticket);
    changed_.notify_all();
}

void ShardWriter::rethrow_failure() {
    if (failure_) {
        std::rethrow_exception(failure_);
    }
}

}  // namespace morgue
