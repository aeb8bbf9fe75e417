// Trains the named-entity tagger on CoNLL-2003 (IOB1) and writes data/entities/ner-weights.bin.
//
//   train_ner --train eng.train --data data/entities --out data/entities/ner-weights.bin
//             [--epochs 12] [--seed 1] [--prune 0.02]
//
// Each training document is rebuilt exactly as the evaluation rebuilds its documents, made
// ready by the runtime's own prepare_document() and decoded by the runtime's own
// tag_document() and compute_features(): only the weights differ (a structured averaged
// perceptron that learns from its mistakes). Gold tags are projected from the CoNLL words onto
// the runtime's tokens by byte offset. The output holds weights only, never training text.
// The same seed, epochs and inputs give the same bytes.

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/entities/document.h"
#include "common/entities/lexicon.h"
#include "common/entities/model.h"
#include "common/entities/tagger.h"
#include "conll.h"

namespace {

namespace entities = morgue::entities;
using entities::Tag;

struct Options {
    std::string train;
    std::string data;
    std::string out;
    int epochs = 12;
    std::uint32_t seed = 1;
    double prune = 0.02;
};

Options parse_options(int argc, char** argv) {
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const std::string value = argv[i + 1];
        if (flag == "--train") {
            options.train = value;
        } else if (flag == "--data") {
            options.data = value;
        } else if (flag == "--out") {
            options.out = value;
        } else if (flag == "--epochs") {
            options.epochs = std::stoi(value);
        } else if (flag == "--seed") {
            options.seed = static_cast<std::uint32_t>(std::stoul(value));
        } else if (flag == "--prune") {
            options.prune = std::stod(value);
        } else {
            throw std::invalid_argument("unknown option " + flag);
        }
    }
    if (options.train.empty() || options.data.empty() || options.out.empty() || argc % 2 == 0) {
        throw std::invalid_argument(
            "usage: train_ner --train eng.train --data data/entities --out ner-weights.bin "
            "[--epochs N] [--seed N] [--prune W]");
    }
    return options;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error(path + ": cannot open");
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

entities::NameClass class_of_type(const std::string& type) {
    if (type == "PER") {
        return entities::NameClass::person;
    }
    if (type == "ORG") {
        return entities::NameClass::organisation;
    }
    if (type == "LOC") {
        return entities::NameClass::location;
    }
    return entities::NameClass::misc;
}

// The gold name each token starts in (by byte offset), -1 outside names.
std::vector<int> name_of_tokens(const entities::Document& doc,
                                const std::vector<morgue::conll::GoldName>& names) {
    std::vector<int> owner(doc.tokens.size(), -1);
    std::size_t n = 0;
    for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
        const std::size_t begin = doc.tokens[i].begin;
        while (n < names.size() && names[n].end <= begin) {
            ++n;
        }
        if (n < names.size() && names[n].begin <= begin) {
            owner[i] = static_cast<int>(n);
        }
    }
    return owner;
}

// BILOU tags of the runtime tokens: a run of candidate tokens in one gold name is one name; a
// token the tagger never scores (a lower-case word inside a name) splits it.
std::vector<Tag> gold_tags(const entities::Document& doc,
                           const std::vector<morgue::conll::GoldName>& names) {
    const std::vector<int> owner = name_of_tokens(doc, names);
    std::vector<Tag> tags(doc.tokens.size(), 0);
    const auto in_run = [&](std::size_t i, int name) {
        return i < doc.tokens.size() && owner[i] == name && doc.tokens[i].has(entities::kCandidate);
    };
    for (std::size_t i = 0; i < doc.tokens.size();) {
        if (!in_run(i, owner[i]) || owner[i] < 0) {
            ++i;
            continue;
        }
        const int name = owner[i];
        std::size_t end = i + 1;
        while (in_run(end, name) && doc.tokens[end].line == doc.tokens[i].line) {
            ++end;
        }
        const entities::NameClass cls = class_of_type(names[static_cast<std::size_t>(name)].type);
        for (std::size_t k = i; k < end; ++k) {
            const entities::Part part = end - i == 1   ? entities::Part::unit
                                        : k == i       ? entities::Part::begin
                                        : k + 1 == end ? entities::Part::last
                                                       : entities::Part::inside;
            tags[k] = entities::make_tag(cls, part);
        }
        i = end;
    }
    return tags;
}

// A structured averaged perceptron over hashed features (Collins 2002): each run of
// candidates is decoded with the current weights, and when the path differs from the gold
// one, the gold path's features gain and the decoded path's lose. Averaged lazily: each
// weight remembers when it last changed, so an update costs the features of one run.
class Perceptron {
  public:
    using Score = double;

    void emissions(const entities::FeatureSet& features,
                   std::array<Score, entities::kTagCount>& scores) const {
        for (int f = 0; f < features.size; ++f) {
            const auto row = rows_.find(features.ids[static_cast<std::size_t>(f)]);
            if (row != rows_.end()) {
                for (std::size_t t = 0; t < scores.size(); ++t) {
                    scores[t] += row->second.weight[t];
                }
            }
        }
    }

    Score transition(Tag prev, Tag next) const { return transitions_[prev][next]; }

    // Compares a decoded run with the gold tags and learns from the differences.
    void learn(const entities::FeatureSet* features, const Tag* guess, const Tag* truth,
               std::size_t n) {
        ++clock_;
        for (std::size_t k = 0; k < n; ++k) {
            if (guess[k] != truth[k]) {
                for (int f = 0; f < features[k].size; ++f) {
                    Row& row = rows_[features[k].ids[static_cast<std::size_t>(f)]];
                    update(row, truth[k], 1.0);
                    update(row, guess[k], -1.0);
                }
            }
            const Tag guess_prev = k > 0 ? guess[k - 1] : Tag{0};
            const Tag truth_prev = k > 0 ? truth[k - 1] : Tag{0};
            if (guess_prev != truth_prev || guess[k] != truth[k]) {
                update_transition(truth_prev, truth[k], 1.0);
                update_transition(guess_prev, guess[k], -1.0);
            }
        }
    }

    // The averaged weights, quantised to int16 (scale returned), near-zero ones pruned.
    std::vector<entities::ModelRow> export_rows(double prune, float& scale) const {
        std::vector<std::pair<std::uint32_t, std::array<double, entities::kTagCount>>> averaged;
        double largest = 0;
        for (const auto& [feature, row] : rows_) {
            std::array<double, entities::kTagCount> mean{};
            for (std::size_t t = 0; t < mean.size(); ++t) {
                mean[t] =
                    (row.total[t] + static_cast<double>(clock_ - row.stamp[t]) * row.weight[t]) /
                    static_cast<double>(clock_);
                largest = std::max(largest, std::abs(mean[t]));
            }
            averaged.emplace_back(feature, mean);
        }
        scale = static_cast<float>(entities::kMaxStoredWeight / largest);
        std::vector<entities::ModelRow> rows;
        for (const auto& [feature, mean] : averaged) {
            entities::ModelRow row{feature, {}};
            bool any = false;
            for (std::size_t t = 0; t < mean.size(); ++t) {
                if (std::abs(mean[t]) >= prune) {
                    row.weights[t] = static_cast<std::int16_t>(std::lround(mean[t] * scale));
                    any = any || row.weights[t] != 0;
                }
            }
            if (any) {
                rows.push_back(row);
            }
        }
        std::sort(rows.begin(), rows.end(),
                  [](const auto& a, const auto& b) { return a.feature < b.feature; });
        return rows;
    }

    std::size_t features() const { return rows_.size(); }

  private:
    struct Row {
        std::array<double, entities::kTagCount> weight{};
        std::array<double, entities::kTagCount> total{};
        std::array<std::uint64_t, entities::kTagCount> stamp{};
    };

    void update(Row& row, Tag tag, double delta) {
        row.total[tag] += static_cast<double>(clock_ - row.stamp[tag]) * row.weight[tag];
        row.stamp[tag] = clock_;
        row.weight[tag] += delta;
    }

    // Transitions are rows like any feature's, mirrored in a matrix for decoding.
    void update_transition(Tag prev, Tag next, double delta) {
        Row& row = rows_[entities::transition_feature(prev)];
        update(row, next, delta);
        transitions_[prev][next] = row.weight[next];
    }

    std::unordered_map<std::uint32_t, Row> rows_;
    std::array<std::array<double, entities::kTagCount>, entities::kTagCount> transitions_{};
    std::uint64_t clock_ = 0;
};

struct Example {
    entities::Document doc;
    std::vector<Tag> gold;
};

std::vector<Example> load_examples(const std::string& path, const entities::Lexicon& lexicon) {
    std::vector<Example> examples;
    for (const morgue::conll::Document& document : morgue::conll::read_documents(path)) {
        const morgue::conll::RebuiltDocument rebuilt = morgue::conll::rebuild(document);
        Example example;
        entities::prepare_document(rebuilt.title, rebuilt.body, lexicon, example.doc);
        example.gold = gold_tags(example.doc, rebuilt.names);
        examples.push_back(std::move(example));
    }
    return examples;
}

// One pass over the examples in a seeded order (Fisher-Yates over mt19937's raw output, which
// the standard fixes, so every platform trains on the same order).
void run_epoch(std::vector<Example>& examples, std::vector<std::size_t>& order,
               std::mt19937& random, const entities::Lexicon& lexicon, Perceptron& model,
               int epoch) {
    for (std::size_t i = order.size(); i > 1; --i) {
        std::swap(order[i - 1], order[random() % i]);
    }
    std::size_t scored = 0, wrong = 0;
    std::vector<Tag> tags;
    for (const std::size_t index : order) {
        const Example& example = examples[index];
        entities::tag_document(example.doc, lexicon, model, tags,
                               [&](std::size_t first, const entities::FeatureSet* features,
                                   const Tag* guess, std::size_t n) {
                                   const Tag* truth = example.gold.data() + first;
                                   model.learn(features, guess, truth, n);
                                   scored += n;
                                   for (std::size_t k = 0; k < n; ++k) {
                                       wrong += guess[k] != truth[k];
                                   }
                               });
    }
    std::fprintf(stderr, "train_ner: epoch %d: %zu candidate tokens, %.2f%% tagged right\n", epoch,
                 scored, 100.0 * static_cast<double>(scored - wrong) / scored);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const Options options = parse_options(argc, argv);
        const auto started = std::chrono::steady_clock::now();
        const entities::Lexicon lexicon([&](std::string_view name) {
            return read_file(options.data + "/" + std::string(name));
        });
        std::vector<Example> examples = load_examples(options.train, lexicon);
        std::vector<std::size_t> order(examples.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            order[i] = i;
        }
        std::mt19937 random(options.seed);
        Perceptron model;
        for (int epoch = 1; epoch <= options.epochs; ++epoch) {
            run_epoch(examples, order, random, lexicon, model, epoch);
        }
        float scale = 1;
        const std::vector<entities::ModelRow> rows = model.export_rows(options.prune, scale);
        const std::string bytes = entities::serialise_model(rows, scale);
        std::ofstream out(options.out, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush()) {
            throw std::runtime_error(options.out + ": cannot write");
        }
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
        std::fprintf(stderr,
                     "train_ner: %zu documents; %zu of %zu features kept; %zu bytes written to "
                     "%s in %.1f s\n",
                     examples.size(), rows.size(), model.features(), bytes.size(),
                     options.out.c_str(), took.count());
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "train_ner: error: " << error.what() << '\n';
        return 2;
    }
}
