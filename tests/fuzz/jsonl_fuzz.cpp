// The reader of JSON Lines, on any bytes; each record is then indexed.

#include "common/readers/readers_impl.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    morgue::JsonlReader reader;
    morgue::fuzz::read_bytes(reader, morgue::fuzz::as_text(data, size), "in.jsonl");
    return 0;
}
