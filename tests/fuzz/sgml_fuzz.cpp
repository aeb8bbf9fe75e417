// The reader of newswire SGML (Reuters-21578, TREC), on any bytes; each record is then indexed.

#include "common/readers/sgml_reader.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    morgue::NewswireReader reader;
    morgue::fuzz::read_bytes(reader, morgue::fuzz::as_text(data, size), "in.sgm");
    return 0;
}
