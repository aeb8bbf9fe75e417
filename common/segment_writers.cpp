#include "segment_writers.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "errors.h"
#include "spelling_counts.h"

namespace morgue {

namespace fs = std::filesystem;

namespace {

}  // namespace

/// One writer thread and the documents queued for it.
struct SegmentWriters::Lane {
    std::mutex mutex;
    std::condition_variable changed;
    struct Queued {
        Xapian::docid id = 0;
        Xapian::Document doc;
        std::size_t text_bytes = 0;
    };
    std::deque<Queued> queue;
    std::size_t queued_text = 0;
    bool closed = false;
    std::exception_ptr failure;
    std::vector<std::string> segments;  ///< paths written, in order
    SpellingCounts spellings;           ///< of every document written
    std::thread thread;

    void run(const std::string& folder, std::size_t segment_size, Xapian::docid first_id,
             bool spelling) {
        try {
            write_all(folder, segment_size, first_id, spelling);
        } catch (...) {
            std::lock_guard lock(mutex);
            failure = std::current_exception();
            changed.notify_all();
        }
    }

    /// The next queued document; false once closed and empty.
    bool next(Queued& item) {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return closed || !queue.empty(); });
        if (queue.empty()) {
            return false;
        }
        item = std::move(queue.front());
        queue.pop_front();
        queued_text -= item.text_bytes;
        changed.notify_all();
        return true;
    }

    void write_all(const std::string& folder, std::size_t segment_size, Xapian::docid first_id,
                   bool spelling) {
        std::optional<Xapian::WritableDatabase> db;
        std::size_t segment = 0;
        Queued item;
        while (next(item)) {
            std::size_t of = (item.id - first_id) / segment_size;
            if (!db || of != segment) {
                close(db);
                segment = of;
                char name[32];
                std::snprintf(name, sizeof name, "segment-%08zu", segment);
                std::string path = (fs::path(folder) / name).string();
                db.emplace(path, Xapian::DB_CREATE);
                std::lock_guard lock(mutex);
                segments.push_back(path);
            }
            db->replace_document(item.id, item.doc);
            if (spelling) {
                spellings.count(item.doc);
            }
            item.doc = Xapian::Document();  // freed on this thread, which holds it alone
        }
        close(db);
    }

    static void close(std::optional<Xapian::WritableDatabase>& db) {
        if (db) {
            db->commit();
            db->close();
            db.reset();
        }
    }
};

SegmentWriters::SegmentWriters(std::string folder, std::size_t writers,
                               std::size_t segment_size, bool spelling, Xapian::docid first_id,
                               std::size_t queued_text)
    : folder_(std::move(folder)), spelling_(spelling),
      segment_size_(segment_size < 1 ? 1 : segment_size), queued_text_(queued_text),
      first_id_(first_id) {
    std::error_code ignored;
    fs::remove_all(folder_, ignored);
    fs::create_directories(folder_);
    for (std::size_t i = 0; i < writers; ++i) {
        lanes_.push_back(std::make_unique<Lane>());
        Lane* lane = lanes_.back().get();
        lane->thread = std::thread([this, lane, spelling] {
            lane->run(folder_, segment_size_, first_id_, spelling);
        });
    }
}

SegmentWriters::~SegmentWriters() {
    for (auto& lane : lanes_) {
        {
            std::lock_guard lock(lane->mutex);
            lane->closed = true;
            lane->queue.clear();
        }
        lane->changed.notify_all();
    }
    for (auto& lane : lanes_) {
        if (lane->thread.joinable()) {
            lane->thread.join();
        }
    }
    std::error_code ignored;
    fs::remove_all(folder_, ignored);
}

void SegmentWriters::add(Xapian::docid id, Xapian::Document doc, std::size_t text_bytes) {
    Lane& lane = *lanes_[((id - first_id_) / segment_size_) % lanes_.size()];
    std::unique_lock lock(lane.mutex);
    lane.changed.wait(lock, [&] {
        bool fits = lane.queue.empty() ||
                    (lane.queue.size() < segment_size_ &&
                     lane.queued_text + text_bytes <= queued_text_);
        return lane.failure || fits;
    });
    if (lane.failure) {
        std::rethrow_exception(lane.failure);
    }
    lane.queue.push_back(Lane::Queued{id, std::move(doc), text_bytes});
    lane.queued_text += text_bytes;
    lock.unlock();
    lane.changed.notify_all();
}

std::vector<std::string> SegmentWriters::finish() {
    for (auto& lane : lanes_) {
        {
            std::lock_guard lock(lane->mutex);
            lane->closed = true;
        }
        lane->changed.notify_all();
    }
    std::vector<std::string> segments;
    SpellingCounts spellings;
    for (auto& lane : lanes_) {
        lane->thread.join();
        if (lane->failure) {
            std::rethrow_exception(lane->failure);
        }
        segments.insert(segments.end(), lane->segments.begin(), lane->segments.end());
        spellings.merge(lane->spellings);
    }
    std::sort(segments.begin(), segments.end());  // zero-padded numbers: in document order
    if (spelling_) {
        std::string path = (fs::path(folder_) / "spelling").string();
        Xapian::WritableDatabase words(path, Xapian::DB_CREATE);
        spellings.add_to(words);
        words.commit();
        words.close();
        segments.push_back(path);
    }
    return segments;
}

}  // namespace morgue
