#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "document.h"
#include "hash.h"
#include "lexicon.h"
#include "tags.h"

namespace morgue::entities {

/// The version of the feature set: weights trained on another version are refused.
inline constexpr std::uint32_t kFeatureSchema = 4;

/// The most features one token has (compute_features adds at most 56).
inline constexpr int kMaxFeatures = 64;

/// The hashed features of one token: 32-bit ids, never 0 (the model's empty slot).
struct FeatureSet {
    std::array<std::uint32_t, kMaxFeatures> ids{};  ///< the first size are set
    int size = 0;                                   ///< number of features

    /// Adds the feature of a template with a value (beyond kMaxFeatures, nothing).
    void add(std::uint64_t feature_template, std::uint64_t value) {
        const auto id = static_cast<std::uint32_t>(hash_mix(feature_template, value) >> 32);
        if (size < kMaxFeatures) {
            ids[static_cast<std::size_t>(size++)] = id == 0 ? 1 : id;
        }
    }
};

/// What the tagger did with the same word earlier in the article: 0 never seen, 1 tagged O,
/// 2 + class when it was (part of) a name of that class.
using History = std::uint8_t;

/// What the tagger knows of a token's word from the lines it has already tagged: the
/// history of the word and of the next word.
struct TagContext {
    History word = 0;
    History next = 0;
};

/// The features of token i in its context: the word, its shape and affixes, its neighbours,
/// gazetteer and cue bits, what the article says about the word elsewhere, its line's mode
/// and the histories. Computed on the fly from hashes: no allocation. The trainer calls
/// this very function, so training and tagging cannot drift apart.
void compute_features(const Document& doc, std::size_t i, const TagContext& context,
                      const Lexicon& lexicon, FeatureSet& out);

/// The feature of a transition from tag prev, whose weights score prev -> each tag: the only
/// feature that depends on tags, so that decoding scores transitions once per model.
std::uint32_t transition_feature(Tag prev);

}  // namespace morgue::entities
