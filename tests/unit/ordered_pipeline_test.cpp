#define BOOST_TEST_MODULE ordered_pipeline
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "common/ordered_pipeline.h"

using morgue::OrderedPipeline;

namespace {

struct Item {
    int number = 0;
    int squared = 0;
};

/// Later items are prepared faster than earlier ones, so that they finish out of order.
void slow_square(Item& item) {
    std::this_thread::sleep_for(std::chrono::microseconds((item.number * 7919) % 300));
    item.squared = item.number * item.number;
}

std::vector<int> run(std::size_t workers, int count) {
    std::vector<int> consumed;
    OrderedPipeline<Item> pipeline(workers, 16, 1 << 20, slow_square,
                                   [&consumed](Item& item) { consumed.push_back(item.squared); });
    for (int i = 0; i < count; ++i) {
        pipeline.submit(Item{i, 0}, 1);
    }
    pipeline.finish();
    return consumed;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ordered_pipeline)

BOOST_AUTO_TEST_CASE(consumes_in_submission_order_whatever_the_workers) {
    std::vector<int> expected;
    for (int i = 0; i < 500; ++i) {
        expected.push_back(i * i);
    }
    for (std::size_t workers : {0, 1, 2, 5}) {
        BOOST_TEST(run(workers, 500) == expected, "workers: " << workers);
    }
}

BOOST_AUTO_TEST_CASE(never_holds_more_than_the_window) {
    std::atomic<int> prepared{0};
    std::atomic<int> consumed{0};
    std::atomic<int> most_ahead{0};
    OrderedPipeline<Item> pipeline(
        3, 8, 1 << 20,
        [&](Item&) {
            int ahead = ++prepared - consumed;
            for (int seen = most_ahead; ahead > seen && !most_ahead.compare_exchange_weak(seen, ahead);) {
            }
        },
        [&](Item&) {
            std::this_thread::sleep_for(std::chrono::microseconds(200));
            ++consumed;
        });
    for (int i = 0; i < 200; ++i) {
        pipeline.submit(Item{i, 0}, 1);
    }
    pipeline.finish();
    BOOST_TEST(consumed.load() == 200);
    BOOST_TEST(most_ahead.load() <= 8);
}

BOOST_AUTO_TEST_CASE(the_byte_bound_admits_one_large_item_at_a_time) {
    std::atomic<int> in_flight{0};
    int most = 0;
    OrderedPipeline<Item> pipeline(
        2, 100, 1000, [&](Item&) { ++in_flight; },
        [&](Item&) {
            most = std::max(most, in_flight.load());
            std::this_thread::sleep_for(std::chrono::microseconds(100));
            --in_flight;
        });
    for (int i = 0; i < 50; ++i) {
        pipeline.submit(Item{i, 0}, 800);  // two would exceed the bound
    }
    pipeline.finish();
    BOOST_TEST(most == 1);
}

BOOST_AUTO_TEST_CASE(a_failure_of_the_consumer_reaches_the_producer) {
    int consumed = 0;
    OrderedPipeline<Item> pipeline(2, 4, 1 << 20, [](Item&) {}, [&consumed](Item& item) {
        if (item.number == 10) {
            throw std::runtime_error("disk full");
        }
        ++consumed;
    });
    bool thrown = false;
    try {
        for (int i = 0; i < 1000; ++i) {
            pipeline.submit(Item{i, 0}, 1);
        }
        pipeline.finish();
    } catch (const std::runtime_error& e) {
        thrown = std::string(e.what()) == "disk full";
    }
    BOOST_TEST(thrown);
    BOOST_TEST(consumed == 10);  // in order: nothing after the failed item
}

BOOST_AUTO_TEST_CASE(a_failure_of_a_worker_reaches_the_producer) {
    for (std::size_t workers : {0, 3}) {
        OrderedPipeline<Item> pipeline(
            workers, 4, 1 << 20,
            [](Item& item) {
                if (item.number == 3) {
                    throw std::invalid_argument("bad record");
                }
            },
            [](Item&) {});
        BOOST_CHECK_THROW(
            {
                for (int i = 0; i < 100; ++i) {
                    pipeline.submit(Item{i, 0}, 1);
                }
                pipeline.finish();
            },
            std::invalid_argument);
    }
}

BOOST_AUTO_TEST_CASE(destroying_an_unfinished_pipeline_stops_its_threads) {
    std::vector<int> consumed;
    {
        OrderedPipeline<Item> pipeline(
            2, 64, 1 << 20, slow_square,
            [&consumed](Item& item) { consumed.push_back(item.number); });
        for (int i = 0; i < 50; ++i) {
            pipeline.submit(Item{i, 0}, 1);
        }
    }
    // Whatever was consumed before the threads stopped is a prefix of the input, in order.
    BOOST_TEST(consumed.size() <= 50U);
    for (std::size_t i = 0; i < consumed.size(); ++i) {
        BOOST_TEST(consumed[i] == static_cast<int>(i));
    }
}

BOOST_AUTO_TEST_SUITE_END()
