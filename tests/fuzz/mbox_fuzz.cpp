// The reader of mbox files, on any bytes; each record is then indexed.

#include "common/readers/mail_reader.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    morgue::MboxReader reader;
    morgue::fuzz::read_bytes(reader, morgue::fuzz::as_text(data, size), "in.mbox");
    return 0;
}
