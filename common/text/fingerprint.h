#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue::text {

/// MinHash of an article's word 3-shingles (words lower-cased and accent-folded): the estimated
/// share of shingles two articles have in common is the share of equal minimums. Syndicated
/// copies of one story with a different headline, other boilerplate or a changed paragraph
/// keep most shingles; two stories on the same topic share few.
struct Fingerprint {
    static constexpr std::size_t kHashes = 64;
    static constexpr std::size_t kBands = 16;  ///< locality-sensitive bands of kHashes / kBands
    std::array<std::uint32_t, kHashes> minimums{};
};

/// Estimated shingle overlap (Jaccard) at or above which two articles are the same story.
inline constexpr double kSameStory = 0.6;

/// The fingerprint of a text; nullopt when it has fewer than three words.
std::optional<Fingerprint> fingerprint(std::string_view text);

/// The estimated Jaccard similarity of two fingerprints, 0 to 1.
double similarity(const Fingerprint& a, const Fingerprint& b);

/// One key per band ("03:9f2c01aa"): articles with estimated similarity s share at least one
/// with probability 1 - (1 - s^4)^16 (0.99 at 0.7, 0.64 at 0.5), so that candidates for a
/// story's copies are found by a lookup instead of a comparison with every article.
std::vector<std::string> band_keys(const Fingerprint& fp);

/// The fingerprint as bytes (little-endian), and back (nullopt for bytes of another size).
std::string serialise(const Fingerprint& fp);
std::optional<Fingerprint> deserialise(std::string_view bytes);

/// A hash of the text with case, accents, punctuation and spacing ignored: exact copies (the
/// same story re-sent, re-scraped or re-encoded) share it. 32 hex digits; "" for empty text.
std::string content_hash(std::string_view text);

}  // namespace morgue::text
