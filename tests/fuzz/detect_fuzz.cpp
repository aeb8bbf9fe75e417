// Format detection from content, on any bytes: the input names no format, so its first bytes
// pick the reader (any of them, CSV with its detected delimiter), which then reads it and each
// record is indexed.

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    morgue::StringSource source{std::string(morgue::fuzz::as_text(data, size))};
    morgue::fuzz::read_detected(source, morgue::InputInfo{"input", "fuzz/input"}, "input");
    return 0;
}
