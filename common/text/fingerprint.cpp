#include "fingerprint.h"

#include <cstdio>

#include "../ids.h"
#include "unicode.h"

namespace morgue::text {

namespace {

constexpr std::size_t kShingle = 3;
constexpr std::size_t kRows = Fingerprint::kHashes / Fingerprint::kBands;

/// splitmix64: a fast, well-mixed 64-bit hash step.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s) {
        h = (h ^ c) * 0x100000001b3ULL;
    }
    return h;
}

bool is_word_byte(unsigned char c) {
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// The hashes of the text's words, lower-cased and accent-folded: what copies keep alike.
std::vector<std::uint64_t> word_hashes(std::string_view text) {
    std::string folded = fold_value(fold_accents(text));
    std::vector<std::uint64_t> words;
    std::size_t i = 0;
    while (i < folded.size()) {
        while (i < folded.size() && !is_word_byte(static_cast<unsigned char>(folded[i]))) {
            ++i;
        }
        std::size_t start = i;
        while (i < folded.size() && is_word_byte(static_cast<unsigned char>(folded[i]))) {
            ++i;
        }
        if (i > start) {
            words.push_back(fnv1a(std::string_view(folded).substr(start, i - start)));
        }
    }
    return words;
}

}  // namespace

std::optional<Fingerprint> fingerprint(std::string_view text) {
    std::vector<std::uint64_t> words = word_hashes(text);
    if (words.size() < kShingle) {
        return std::nullopt;
    }
    Fingerprint fp;
    fp.minimums.fill(UINT32_MAX);
    for (std::size_t i = 0; i + kShingle <= words.size(); ++i) {
        std::uint64_t shingle = mix(words[i] ^ mix(words[i + 1] ^ mix(words[i + 2])));
        for (std::size_t k = 0; k < Fingerprint::kHashes; ++k) {
            auto h = static_cast<std::uint32_t>(mix(shingle + k) >> 32);
            fp.minimums[k] = std::min(fp.minimums[k], h);
        }
    }
    return fp;
}

double similarity(const Fingerprint& a, const Fingerprint& b) {
    std::size_t equal = 0;
    for (std::size_t k = 0; k < Fingerprint::kHashes; ++k) {
        equal += a.minimums[k] == b.minimums[k] ? 1 : 0;
    }
    return static_cast<double>(equal) / Fingerprint::kHashes;
}

std::vector<std::string> band_keys(const Fingerprint& fp) {
    std::vector<std::string> keys;
    for (std::size_t band = 0; band < Fingerprint::kBands; ++band) {
        std::uint64_t h = band;
        for (std::size_t row = 0; row < kRows; ++row) {
            h = mix(h ^ fp.minimums[band * kRows + row]);
        }
        char key[16];
        std::snprintf(key, sizeof key, "%02zu:%08x", band, static_cast<unsigned>(h >> 32));
        keys.emplace_back(key);
    }
    return keys;
}

std::string serialise(const Fingerprint& fp) {
    std::string bytes;
    bytes.reserve(Fingerprint::kHashes * 4);
    for (std::uint32_t m : fp.minimums) {
        for (int shift = 0; shift < 32; shift += 8) {
            bytes += static_cast<char>((m >> shift) & 0xff);
        }
    }
    return bytes;
}

std::optional<Fingerprint> deserialise(std::string_view bytes) {
    if (bytes.size() != Fingerprint::kHashes * 4) {
        return std::nullopt;
    }
    Fingerprint fp;
    for (std::size_t k = 0; k < Fingerprint::kHashes; ++k) {
        std::uint32_t m = 0;
        for (int b = 3; b >= 0; --b) {
            m = (m << 8) | static_cast<unsigned char>(bytes[k * 4 + static_cast<std::size_t>(b)]);
        }
        fp.minimums[k] = m;
    }
    return fp;
}

std::string content_hash(std::string_view text) {
    std::string folded = fold_value(fold_accents(text));
    std::string words;
    for (char c : folded) {
        if (is_word_byte(static_cast<unsigned char>(c))) {
            words += c;
        } else if (!words.empty() && words.back() != ' ') {
            words += ' ';
        }
    }
    while (!words.empty() && words.back() == ' ') {
        words.pop_back();
    }
    return words.empty() ? std::string() : hex_digest(words);
}

}  // namespace morgue::text
