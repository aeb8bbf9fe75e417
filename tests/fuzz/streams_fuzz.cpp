// The compressed and archive layer, on any bytes written to a file as morgue-index finds it:
// plain, gzip, bzip2, xz, zstd, lz4 or compress data, tar or zip archives. Each stream inside
// is read with the format its name and content tell, and each record indexed.

#include <fstream>

#include "common/inputs.h"
#include "fuzz_support.h"

namespace {

// More than any seed unpacks to; a stream past it is read as if it ended there.
constexpr std::size_t kMaxStream = std::size_t{4} << 20;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace morgue;
    static const std::string path = (fuzz::temp_folder() / "input").string();
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
        fuzz::check(static_cast<bool>(out.flush()), "the input file can be written");
    }
    try {
        for_each_stream(InputFile{path, "fuzz/input", size, 0},
                        [](const InputInfo& info, std::string_view name, ByteSource& source) {
                            fuzz::CappedSource capped(source, kMaxStream);
                            fuzz::read_detected(capped, info, name);
                        });
    } catch (const InputError&) {
        // Broken containers and truncated streams are reported to the user, as they should be.
    }
    return 0;
}
