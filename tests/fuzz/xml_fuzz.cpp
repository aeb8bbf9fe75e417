// The reader of XML and NITF articles, on any bytes; each record is then indexed.

#include "common/readers/xml_reader.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    morgue::XmlReader reader;
    morgue::fuzz::read_bytes(reader, morgue::fuzz::as_text(data, size), "in.xml");
    return 0;
}
