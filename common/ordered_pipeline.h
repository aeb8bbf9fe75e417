#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace morgue {

/// Runs `prepare` on worker threads and `consume` on one consumer thread, strictly in the order
/// items were submitted, so that the result is the same as running both in turn on one thread.
/// At most `window` items, and about `max_bytes` of them, are in flight at once: submit()
/// blocks until the consumer catches up, so memory stays flat whatever the input's size.
/// With workers == 0 nothing runs in the background: submit() prepares and consumes at once.
/// The first exception thrown by either function stops the pipeline and is rethrown by the
/// next submit() or by finish().
template <class Item>
class OrderedPipeline {
  public:
    using Step = std::function<void(Item&)>;

    OrderedPipeline(std::size_t workers, std::size_t window, std::size_t max_bytes, Step prepare,
                    Step consume)
        : window_(window < 1 ? 1 : window), max_bytes_(max_bytes), prepare_(std::move(prepare)),
          consume_(std::move(consume)) {
        for (std::size_t i = 0; i < workers; ++i) {
            threads_.emplace_back([this] { work(); });
        }
        if (workers > 0) {
            threads_.emplace_back([this] { drain(); });
        }
    }

    OrderedPipeline(const OrderedPipeline&) = delete;
    OrderedPipeline& operator=(const OrderedPipeline&) = delete;

    /// Stops the threads without waiting for the items still in flight (they are dropped).
    ~OrderedPipeline() {
        {
            std::lock_guard lock(mutex_);
            abandoned_ = true;
        }
        wake_all();
        join();
    }

    /// Hands over one item of about `bytes` bytes; blocks while the pipeline is full.
    void submit(Item item, std::size_t bytes) {
        if (threads_.empty()) {
            prepare_(item);
            consume_(item);
            return;
        }
        std::unique_lock lock(mutex_);
        space_.wait(lock, [&] { return failure_ || has_room(bytes); });
        rethrow_failure();
        input_.emplace_back(next_in_++, Entry{std::move(item), bytes});
        bytes_in_flight_ += bytes;
        lock.unlock();
        ready_.notify_one();
    }

    /// Waits until every submitted item is consumed, stops the threads and rethrows a failure.
    void finish() {
        {
            std::lock_guard lock(mutex_);
            closed_ = true;
        }
        wake_all();
        join();
        rethrow_failure();
    }

  private:
    struct Entry {
        Item item;
        std::size_t bytes = 0;
    };

    bool has_room(std::size_t bytes) const {
        std::size_t in_flight = next_in_ - next_out_;
        if (in_flight == 0) {
            return true;  // one item always fits, however large
        }
        return in_flight < window_ && bytes_in_flight_ + bytes <= max_bytes_;
    }

    void rethrow_failure() {
        if (failure_) {
            std::rethrow_exception(failure_);
        }
    }

    void fail(std::exception_ptr e) {
        {
            std::lock_guard lock(mutex_);
            if (!failure_) {
                failure_ = e;
            }
        }
        wake_all();
    }

    void wake_all() {
        ready_.notify_all();
        done_.notify_all();
        space_.notify_all();
    }

    bool stopping() const { return failure_ || abandoned_; }

    void work() {
        for (;;) {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [&] { return stopping() || closed_ || !input_.empty(); });
            if (stopping() || input_.empty()) {
                return;  // closed and nothing left to take
            }
            auto [sequence, entry] = std::move(input_.front());
            input_.pop_front();
            lock.unlock();
            try {
                prepare_(entry.item);
            } catch (...) {
                fail(std::current_exception());
                return;
            }
            lock.lock();
            prepared_.emplace(sequence, std::move(entry));
            lock.unlock();
            done_.notify_one();
        }
    }

    void drain() {
        for (;;) {
            std::unique_lock lock(mutex_);
            done_.wait(lock, [&] {
                return stopping() || prepared_.count(next_out_) > 0 ||
                       (closed_ && next_out_ == next_in_);
            });
            auto found = prepared_.find(next_out_);
            if (stopping() || found == prepared_.end()) {
                return;
            }
            Entry entry = std::move(found->second);
            prepared_.erase(found);
            lock.unlock();
            try {
                consume_(entry.item);
            } catch (...) {
                fail(std::current_exception());
                return;
            }
            lock.lock();
            ++next_out_;
            bytes_in_flight_ -= entry.bytes;
            lock.unlock();
            space_.notify_one();
        }
    }

    void join() {
        for (std::thread& thread : threads_) {
            if (thread.joinable()) {
                thread.join();
            }
        }
    }

    const std::size_t window_;
    const std::size_t max_bytes_;
    Step prepare_;
    Step consume_;
    std::mutex mutex_;
    std::condition_variable ready_;  ///< input to prepare, or a change of state
    std::condition_variable done_;   ///< an item prepared, or a change of state
    std::condition_variable space_;  ///< an item consumed, or a change of state
    std::deque<std::pair<std::size_t, Entry>> input_;
    std::map<std::size_t, Entry> prepared_;  ///< waiting for the items before them
    std::size_t next_in_ = 0;
    std::size_t next_out_ = 0;
    std::size_t bytes_in_flight_ = 0;
    bool closed_ = false;
    bool abandoned_ = false;
    std::exception_ptr failure_;
    std::vector<std::thread> threads_;
};

}  // namespace morgue
