#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "features.h"
#include "tags.h"

namespace morgue::entities {

/// The averaged weights of one feature, one per tag, in stored (quantised) units.
struct ModelRow {
    std::uint32_t feature = 0;
    std::array<std::int16_t, kTagCount> weights{};
};

/// Largest stored weight: half of int16, so that weights minus the O weight still fit.
inline constexpr int kMaxStoredWeight = 16383;

/// The tagger's weights, read from data/entities/ner-weights.bin. The file is little-endian:
///   "MNER", u32 format version (1), u32 feature schema (kFeatureSchema), u32 tag count,
///   f32 scale (stored weight = weight * scale), u32 feature count, then for each feature in
///   increasing id order: u32 id, u32 mask of the tags it has a weight for, and an i16 per
///   set bit, in tag order. Features whose weights all rounded to 0 are not stored.
class Model {
  public:
    /// Reads a weights file; throws std::runtime_error naming the problem when the bytes are
    /// not one, or were trained on another feature schema.
    static Model parse(std::string_view bytes);

    /// Scores in stored units.
    using Score = std::int32_t;

    /// Adds the weights of features to scores. scores[0] (O) stays 0: every other tag is
    /// scored relative to O, which adds the same amount to every path through a sentence,
    /// and so ranks paths exactly as the full weights do.
    void emissions(const FeatureSet& features, std::array<Score, kTagCount>& scores) const;

    /// The weight of the step from tag prev to tag next (transition_feature(prev)).
    Score transition(Tag prev, Tag next) const { return transitions_[prev][next]; }

    /// Number of features with weights.
    std::size_t size() const { return rows_.size() / kRowWidth; }

  private:
    static constexpr std::size_t kRowWidth = kTagCount - 1;
    struct Slot {
        std::uint32_t feature = 0;
        std::uint32_t row = 0;
    };

    void insert(std::uint32_t feature, std::uint32_t row);

    std::vector<Slot> slots_;
    std::vector<std::int16_t> rows_;
    std::array<std::array<Score, kTagCount>, kTagCount> transitions_{};
};

/// The bytes of a weights file (the format Model::parse reads).
std::string serialise_model(const std::vector<ModelRow>& rows, float scale);

}  // namespace morgue::entities
