#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "document.h"
#include "features.h"
#include "lexicon.h"
#include "tags.h"

namespace morgue::entities {

/// What the tagger has done so far with each word of an article (see History): an
/// open-addressing table sized for the article's candidates.
class TagHistory {
  public:
    /// An empty history for a document.
    explicit TagHistory(const Document& doc) {
        std::size_t candidates = 0;
        for (const Token& token : doc.tokens) {
            candidates += token.has(kCandidate);
        }
        std::size_t size = 16;
        while (size < 2 * candidates) {
            size *= 2;
        }
        keys_.assign(size, 0);
        values_.assign(size, 0);
    }

    /// The history of a word key.
    History get(std::uint64_t key) const { return values_[find(key)]; }

    /// Records the tag a word was given; a name class wins over an earlier O.
    void record(std::uint64_t key, Tag tag) {
        const std::size_t i = find(key);
        keys_[i] = key | 1;
        const History now = tag == 0 ? History{1} : static_cast<History>(2 + (tag - 1) / 4);
        values_[i] = tag == 0 && values_[i] > 1 ? values_[i] : now;
    }

  private:
    std::size_t find(std::uint64_t key) const {
        key |= 1;
        const std::size_t mask = keys_.size() - 1;
        std::size_t i = static_cast<std::size_t>(key >> 20) & mask;
        while (keys_[i] != 0 && keys_[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    std::vector<std::uint64_t> keys_;
    std::vector<History> values_;
};

/// The longest run of candidates decoded at once.
inline constexpr std::size_t kMaxRun = 64;

/// Finds the best tags of a run of candidate tokens (Viterbi): emissions[k][t] scores tag t
/// for token k, model.transition(p, t) the step from p to t; the run starts after an O and
/// must end outside a name (its next token is not a candidate), and BILOU order holds
/// throughout. Writes the tags to out.
template <class Model, class Score>
void best_path(const Model& model, const std::vector<std::array<Score, kTagCount>>& emissions,
               std::size_t n, std::vector<std::array<Tag, kTagCount>>& back, Tag* out) {
    constexpr Score kNone = std::numeric_limits<Score>::lowest();
    std::array<Score, kTagCount> best{};
    std::array<Score, kTagCount> next{};
    best.fill(kNone);
    const TagMask first = allowed_after(0, n > 1);
    for (Tag t = 0; t < kTagCount; ++t) {
        best[t] = first >> t & 1u ? model.transition(0, t) + emissions[0][t] : kNone;
    }
    for (std::size_t k = 1; k < n; ++k) {
        next.fill(kNone);
        for (Tag p = 0; p < kTagCount; ++p) {
            if (best[p] == kNone) {
                continue;
            }
            for (TagMask allowed = allowed_after(p, k + 1 < n); allowed != 0;
                 allowed &= allowed - 1) {
                const auto t = static_cast<Tag>(std::countr_zero(allowed));
                const Score score = best[p] + model.transition(p, t);
                if (score > next[t]) {
                    next[t] = score;
                    back[k][t] = p;
                }
            }
        }
        for (Tag t = 0; t < kTagCount; ++t) {
            best[t] = next[t] == kNone ? kNone : next[t] + emissions[k][t];
        }
    }
    Tag last = 0;
    for (Tag t = 0; t < kTagCount; ++t) {
        last = best[t] > best[last] ? t : last;
    }
    for (std::size_t k = n; k-- > 0;) {
        out[k] = last;
        last = k > 0 ? back[k][last] : Tag{0};
    }
}

/// Tags a prepared document, the way both the extractor and the trainer do it. Tokens that
/// are not candidates (lower-case words, punctuation: most of the text) are O without being
/// scored; each run of consecutive candidates on a line is decoded exactly (best_path), so a
/// name is judged whole. The body comes first, then the title, whose case (often ALL CAPS or
/// Title Case) says least and so gains most from the history the body left.
///
/// Model provides a Score type, emissions(features, scores) adding the weights of features
/// to scores, and transition(prev, tag). After each run, on_run(first, features, tags, n) is
/// told the features and tags of the n tokens from token first: the trainer learns there.
template <class Model, class OnRun>
void tag_document(const Document& doc, const Lexicon& lexicon, const Model& model,
                  std::vector<Tag>& tags, OnRun&& on_run) {
    using Score = typename Model::Score;
    tags.assign(doc.tokens.size(), Tag{0});
    TagHistory history(doc);
    std::vector<FeatureSet> features;
    std::vector<std::array<Score, kTagCount>> emissions;
    std::vector<std::array<Tag, kTagCount>> back;
    const auto tag_run = [&](std::size_t first, std::size_t end) {
        const std::size_t n = end - first;
        if (features.size() < n) {
            features.resize(n);
            emissions.resize(n);
            back.resize(n);
        }
        for (std::size_t k = 0; k < n; ++k) {
            const std::size_t i = first + k;
            const TagContext context{history.get(doc.tokens[i].key),
                                     k + 1 < n ? history.get(doc.tokens[i + 1].key) : History{0}};
            compute_features(doc, i, context, lexicon, features[k]);
            emissions[k].fill(Score{});
            model.emissions(features[k], emissions[k]);
        }
        best_path(model, emissions, n, back, tags.data() + first);
        on_run(first, static_cast<const FeatureSet*>(features.data()),
               static_cast<const Tag*>(tags.data() + first), n);
        for (std::size_t i = first; i < end; ++i) {
            history.record(doc.tokens[i].key, tags[i]);
        }
    };
    for (const bool title : {false, true}) {
        for (const Line& line : doc.lines) {
            if (doc.tokens[line.first].has(kTitle) != title) {
                continue;
            }
            for (std::size_t i = line.first; i < line.end;) {
                std::size_t end = i;
                // A run longer than any name (a page of ALL CAPS) is decoded in pieces, so
                // the decoder's memory stays small whatever the input.
                while (end < line.end && doc.tokens[end].has(kCandidate) && end - i < kMaxRun) {
                    ++end;
                }
                if (end > i) {
                    tag_run(i, end);
                }
                i = end > i ? end : i + 1;
            }
        }
    }
}

/// Tags a prepared document (the extractor's call: nothing to learn).
template <class Model>
void tag_document(const Document& doc, const Lexicon& lexicon, const Model& model,
                  std::vector<Tag>& tags) {
    tag_document(doc, lexicon, model, tags,
                 [](std::size_t, const FeatureSet*, const Tag*, std::size_t) {});
}

}  // namespace morgue::entities
