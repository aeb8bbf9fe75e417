#pragma once

#include <cstdint>
#include <string_view>

namespace morgue::entities {

/// The start of every hash: FNV-1a's offset basis.
inline constexpr std::uint64_t kHashSeed = 0xcbf29ce484222325ULL;

/// One FNV-1a step. Words are hashed a code point at a time, so the key of a word is the same
/// on every platform and in every run: the model's weights and the gazetteers rely on it.
constexpr std::uint64_t hash_step(std::uint64_t hash, std::uint64_t value) {
    return (hash ^ value) * 0x100000001b3ULL;
}

/// Combines two hashes into one well-mixed value (the splitmix64 finaliser), so that feature
/// ids built from small numbers spread over the whole range.
constexpr std::uint64_t hash_mix(std::uint64_t a, std::uint64_t b) {
    std::uint64_t x = a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

/// FNV-1a of a byte string: names of feature templates, fixed words.
constexpr std::uint64_t hash_text(std::string_view text) {
    std::uint64_t hash = kHashSeed;
    for (const char c : text) {
        hash = hash_step(hash, static_cast<unsigned char>(c));
    }
    return hash;
}

}  // namespace morgue::entities
