#include "model.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <stdexcept>

namespace morgue::entities {

namespace {

constexpr std::string_view kMagic = "MNER";
constexpr std::uint32_t kFormatVersion = 1;

class Reader {
  public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}

    std::uint32_t u32() {
        const std::string_view b = take(4);
        std::uint32_t value = 0;
        for (int i = 3; i >= 0; --i) {
            value = value << 8 | static_cast<unsigned char>(b[static_cast<std::size_t>(i)]);
        }
        return value;
    }

    std::int16_t i16() {
        const std::string_view b = take(2);
        const auto value = static_cast<std::uint16_t>(static_cast<unsigned char>(b[0]) |
                                                      static_cast<unsigned char>(b[1]) << 8);
        return static_cast<std::int16_t>(value);
    }

    std::string_view take(std::size_t n) {
        if (bytes_.size() - pos_ < n) {
            throw std::runtime_error("entity model: weights file truncated at byte " +
                                     std::to_string(pos_));
        }
        const std::string_view b = bytes_.substr(pos_, n);
        pos_ += n;
        return b;
    }

    bool done() const { return pos_ == bytes_.size(); }

  private:
    std::string_view bytes_;
    std::size_t pos_ = 0;
};

void put_u32(std::string& out, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) {
        out.push_back(static_cast<char>(value >> (8 * i) & 0xFFu));
    }
}

void put_i16(std::string& out, std::int16_t value) {
    const auto bits = static_cast<std::uint16_t>(value);
    out.push_back(static_cast<char>(bits & 0xFFu));
    out.push_back(static_cast<char>(bits >> 8));
}

// Checks the header and returns the number of features that follow.
std::uint32_t read_header(Reader& in) {
    if (in.take(4) != kMagic) {
        throw std::runtime_error("entity model: not a weights file (no MNER header)");
    }
    const std::uint32_t version = in.u32();
    const std::uint32_t schema = in.u32();
    const std::uint32_t tags = in.u32();
    if (version != kFormatVersion || schema != kFeatureSchema || tags != kTagCount) {
        throw std::runtime_error(
            "entity model: weights of format " + std::to_string(version) + ", feature schema " +
            std::to_string(schema) + " do not fit this program (format " +
            std::to_string(kFormatVersion) + ", schema " + std::to_string(kFeatureSchema) +
            "); retrain with scripts/train-ner.sh");
    }
    in.u32();  // the scale: scores are compared, never converted back
    return in.u32();
}

}  // namespace

Model Model::parse(std::string_view bytes) {
    Reader in(bytes);
    const std::uint32_t count = read_header(in);
    std::array<std::uint32_t, kTagCount> transitions{};
    for (Tag prev = 0; prev < kTagCount; ++prev) {
        transitions[prev] = transition_feature(prev);
    }
    Model model;
    std::size_t size = 16;
    while (size < 2 * static_cast<std::size_t>(count)) {
        size *= 2;
    }
    model.slots_.resize(size);
    model.rows_.reserve(static_cast<std::size_t>(count) * kRowWidth);
    for (std::uint32_t n = 0; n < count; ++n) {
        const std::uint32_t feature = in.u32();
        const std::uint32_t mask = in.u32();
        std::array<Score, kTagCount> weights{};
        for (int t = 0; t < kTagCount; ++t) {
            weights[static_cast<std::size_t>(t)] = mask >> t & 1u ? in.i16() : 0;
        }
        for (std::size_t t = 1; t < kTagCount; ++t) {
            model.rows_.push_back(static_cast<std::int16_t>(weights[t] - weights[0]));
        }
        model.insert(feature, n);
        const auto prev = std::find(transitions.begin(), transitions.end(), feature);
        if (prev != transitions.end()) {
            // Transitions keep their full weights: subtracting O's would favour some paths.
            model.transitions_[static_cast<std::size_t>(prev - transitions.begin())] = weights;
        }
    }
    if (!in.done()) {
        throw std::runtime_error("entity model: trailing bytes after the last feature");
    }
    return model;
}

void Model::insert(std::uint32_t feature, std::uint32_t row) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = feature & mask;
    while (slots_[i].feature != 0) {
        i = (i + 1) & mask;
    }
    slots_[i] = Slot{feature, row};
}

void Model::emissions(const FeatureSet& features, std::array<Score, kTagCount>& scores) const {
    // The tables are larger than the caches: ask for every slot, then every row, before
    // reading any, so that the memory fetches overlap instead of queueing.
    const std::size_t mask = slots_.size() - 1;
    for (int f = 0; f < features.size; ++f) {
        __builtin_prefetch(&slots_[features.ids[static_cast<std::size_t>(f)] & mask]);
    }
    std::array<const std::int16_t*, kMaxFeatures> rows;
    int found = 0;
    for (int f = 0; f < features.size; ++f) {
        const std::uint32_t feature = features.ids[static_cast<std::size_t>(f)];
        std::size_t i = feature & mask;
        while (slots_[i].feature != feature && slots_[i].feature != 0) {
            i = (i + 1) & mask;
        }
        if (slots_[i].feature != 0) {
            rows[static_cast<std::size_t>(found)] = rows_.data() + slots_[i].row * kRowWidth;
            __builtin_prefetch(rows[static_cast<std::size_t>(found)]);
            ++found;
        }
    }
    for (int f = 0; f < found; ++f) {
        const std::int16_t* row = rows[static_cast<std::size_t>(f)];
        for (std::size_t t = 0; t < kRowWidth; ++t) {
            scores[t + 1] += row[t];
        }
    }
}

std::string serialise_model(const std::vector<ModelRow>& rows, float scale) {
    std::string out(kMagic);
    put_u32(out, kFormatVersion);
    put_u32(out, kFeatureSchema);
    put_u32(out, kTagCount);
    put_u32(out, std::bit_cast<std::uint32_t>(scale));
    put_u32(out, static_cast<std::uint32_t>(rows.size()));
    for (const ModelRow& row : rows) {
        std::uint32_t mask = 0;
        for (int t = 0; t < kTagCount; ++t) {
            mask |= row.weights[static_cast<std::size_t>(t)] != 0 ? 1u << t : 0u;
        }
        put_u32(out, row.feature);
        put_u32(out, mask);
        for (const std::int16_t weight : row.weights) {
            if (weight != 0) {
                put_i16(out, weight);
            }
        }
    }
    return out;
}

}  // namespace morgue::entities
