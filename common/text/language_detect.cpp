// Language detection, apart from the rest of language.h: it is the only user of CLD2, and
// keeping it in an object of its own lets programs that never detect (morgue-search) link
// without libcld2 and its thousands of start-up relocations.
#include "language.h"

#include "unicode.h"

#include <cld2/public/compact_lang_det.h>

namespace morgue::text {

namespace {

// How much of an article CLD2 reads: enough for a confident guess, bounded so that a huge
// record costs no more than a long one.
constexpr std::size_t kDetectionBytes = 8 * 1024;

// At most kDetectionBytes of title and body, valid UTF-8 as CLD2 requires.
std::string detection_sample(std::string_view title, std::string_view body) {
    std::string sample(utf8_prefix(title, kDetectionBytes));
    if (sample.size() + 1 < kDetectionBytes) {
        sample += '\n';
        sample += utf8_prefix(body, kDetectionBytes - sample.size());
    }
    return to_utf8(sample);
}

}  // namespace

std::string detect_language(std::string_view title, std::string_view body) {
    const std::string sample = detection_sample(title, body);
    bool reliable = false;
    int valid_bytes = 0;
    const CLD2::Language language = CLD2::DetectLanguageCheckUTF8(
        sample.data(), static_cast<int>(sample.size()), true, &reliable, &valid_bytes);
    if (!reliable || language == CLD2::UNKNOWN_LANGUAGE) {
        return {};
    }
    // CLD2 codes are 639-1 where one exists, with legacy ones ("iw") and script or region
    // suffixes ("zh-Hant"); anything else (three-letter codes, "xx-Qaai") has no 639-1 code.
    const std::string code = CLD2::LanguageCode(language);
    const std::string primary = code.substr(0, code.find('-'));
    if (primary.size() != 2 || primary == "un" || primary == "xx") {
        return {};
    }
    const std::string known = normalise_language(primary);
    return known.empty() ? primary : known;
}

}  // namespace morgue::text
