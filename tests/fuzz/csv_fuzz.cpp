// The CSV and TSV reader, on any bytes: as a .csv with its delimiter detected, as a .tsv, and
// as a .csv without a header row; each record is then indexed.

#include "common/readers/readers_impl.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace morgue;
    const std::string_view bytes = fuzz::as_text(data, size);
    CsvOptions detected;
    detected.delimiter = detect_delimiter(bytes);
    CsvReader csv(Format::csv, detected);
    fuzz::read_bytes(csv, bytes, "in.csv");

    CsvReader tsv(Format::tsv, CsvOptions{});
    fuzz::read_bytes(tsv, bytes, "in.tsv");

    CsvOptions headless;
    headless.header = false;
    headless.columns = {"title", "text", "date"};
    CsvReader no_header(Format::csv, headless);
    fuzz::read_bytes(no_header, bytes, "in.csv");
    return 0;
}
