// The text cleaner, on any bytes made UTF-8 as the pipeline makes them: the plain-text title
// convention, then the removal of page furniture from the body.

#include "common/text/clean.h"
#include "common/text/unicode.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace morgue::text;
    const std::string text = to_utf8(morgue::fuzz::as_text(data, size));
    const TitledText split = split_title(text);
    morgue::fuzz::check_utf8(split.title, "a title taken from text");
    morgue::fuzz::check_utf8(split.body, "the text after its title");
    for (const std::string& body : {split.body, text}) {
        const CleanBody cleaned = clean_body(body);
        morgue::fuzz::check_utf8(cleaned.body, "a cleaned body");
        morgue::fuzz::check_utf8(cleaned.source_hint, "a body's attribution");
    }
    return 0;
}
