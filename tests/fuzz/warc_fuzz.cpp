// The WARC and ARC reader, each page read by the HTML reader as morgue-index does, on any
// bytes; each record is then indexed.

#include "common/readers/warc_reader.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    morgue::WarcReader reader(morgue::html_to_record);
    morgue::fuzz::read_bytes(reader, morgue::fuzz::as_text(data, size), "in.warc");
    return 0;
}
