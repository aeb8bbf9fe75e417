// The reader of one RFC 822 message (mail, a Usenet post), on any bytes; each record is then
// indexed.

#include "common/readers/mail_reader.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    morgue::MailReader reader;
    morgue::fuzz::read_bytes(reader, morgue::fuzz::as_text(data, size), "in.eml");
    return 0;
}
