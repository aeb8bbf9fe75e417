// Measures the entity extractor on CoNLL-2003 eng.testa, as issue 3 prescribes.
//
//   ner_eval [--check] [--errors] [FILE]
//
// Each document is rebuilt (first sentence as title, the rest as body, one sentence per
// line, the spacing rules of conll.h), run through Extractor::extract, and scored per type
// (PER, ORG, LOC; MISC ignored) on the distinct (type, surface form) pairs of each document:
// the mentions, compared case-insensitively with a trailing 's removed, not the canonical
// names. Prints precision, recall and F1 per type and micro-averaged. --check exits 1 when
// the micro F1 is under 0.85 or a type's under 0.75; --errors lists the misses. Exits 77
// (skipped) when FILE, by default ../shared/corpora/ner/conll2003/eng.testa, is absent.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/entities/extractor.h"
#include "common/text/unicode.h"
#include "conll.h"

namespace {

constexpr double kMicroTarget = 0.85;
constexpr double kTypeTarget = 0.75;
constexpr std::string_view kTypes[] = {"PER", "ORG", "LOC"};

using Pair = std::pair<std::string, std::string>;  // type, scoring form

struct Counts {
    std::size_t tp = 0;
    std::size_t fp = 0;
    std::size_t fn = 0;

    double precision() const { return tp + fp == 0 ? 0.0 : double(tp) / double(tp + fp); }
    double recall() const { return tp + fn == 0 ? 0.0 : double(tp) / double(tp + fn); }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }
};

// Case-folded, a trailing 's removed: how surface forms are compared.
std::string scoring_form(std::string_view surface) {
    std::string form = morgue::text::fold_value(surface);
    for (const std::string_view possessive : {"'s", "\xE2\x80\x99s"}) {
        if (form.size() > possessive.size() && form.ends_with(possessive)) {
            form.resize(form.size() - possessive.size());
            break;
        }
    }
    return form;
}

std::string type_code(morgue::EntityType type) {
    switch (type) {
        case morgue::EntityType::person:
            return "PER";
        case morgue::EntityType::organisation:
            return "ORG";
        case morgue::EntityType::location:
            return "LOC";
    }
    return "";
}

std::set<Pair> gold_pairs(const morgue::conll::RebuiltDocument& rebuilt) {
    const std::string text = rebuilt.text();
    std::set<Pair> pairs;
    for (const morgue::conll::GoldName& name : rebuilt.names) {
        if (name.type != "MISC") {
            pairs.emplace(name.type, scoring_form(std::string_view(text).substr(
                                         name.begin, name.end - name.begin)));
        }
    }
    return pairs;
}

std::set<Pair> predicted_pairs(const std::vector<morgue::Entity>& found) {
    std::set<Pair> pairs;
    for (const morgue::Entity& entity : found) {
        for (const std::string& mention : entity.mentions) {
            pairs.emplace(type_code(entity.type), scoring_form(mention));
        }
    }
    return pairs;
}

void count(const std::set<Pair>& gold, const std::set<Pair>& predicted, std::size_t doc,
           bool show_errors, std::vector<Counts>& counts) {
    const auto slot = [](const std::string& type) {
        for (std::size_t t = 0; t < 3; ++t) {
            if (kTypes[t] == type) {
                return t;
            }
        }
        return std::size_t{0};
    };
    for (const Pair& pair : predicted) {
        const bool right = gold.contains(pair);
        ++(right ? counts[slot(pair.first)].tp : counts[slot(pair.first)].fp);
        if (!right && show_errors) {
            std::printf("doc %zu: extra   %s %s\n", doc, pair.first.c_str(), pair.second.c_str());
        }
    }
    for (const Pair& pair : gold) {
        if (!predicted.contains(pair)) {
            ++counts[slot(pair.first)].fn;
            if (show_errors) {
                std::printf("doc %zu: missed  %s %s\n", doc, pair.first.c_str(),
                            pair.second.c_str());
            }
        }
    }
}

bool report(const std::vector<Counts>& counts, std::size_t documents, std::size_t bytes,
            double seconds) {
    Counts micro;
    bool met = true;
    std::printf("%-6s %9s %9s %9s %7s %7s %7s\n", "type", "precision", "recall", "F1", "tp", "fp",
                "fn");
    for (std::size_t t = 0; t < 3; ++t) {
        const Counts& c = counts[t];
        std::printf("%-6s %9.4f %9.4f %9.4f %7zu %7zu %7zu\n", kTypes[t].data(), c.precision(),
                    c.recall(), c.f1(), c.tp, c.fp, c.fn);
        micro.tp += c.tp;
        micro.fp += c.fp;
        micro.fn += c.fn;
        met = met && c.f1() >= kTypeTarget;
    }
    std::printf("%-6s %9.4f %9.4f %9.4f %7zu %7zu %7zu\n", "micro", micro.precision(),
                micro.recall(), micro.f1(), micro.tp, micro.fp, micro.fn);
    std::printf("%zu documents, %zu bytes, %.2f s\n", documents, bytes, seconds);
    return met && micro.f1() >= kMicroTarget;
}

}  // namespace

int main(int argc, char** argv) {
    bool check = false, show_errors = false;
    std::string path =
        std::string(MORGUE_SOURCE_DIR) + "/../shared/corpora/ner/conll2003/eng.testa";
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--check") {
            check = true;
        } else if (arg == "--errors") {
            show_errors = true;
        } else if (arg.starts_with("-")) {
            std::fprintf(stderr, "usage: ner_eval [--check] [--errors] [eng.testa]\n");
            return 2;
        } else {
            path = arg;
        }
    }
    if (!std::filesystem::exists(path)) {
        std::printf("skipped: %s not found (the shared corpora are absent)\n", path.c_str());
        return 77;
    }
    const auto& extractor = morgue::entities::Extractor::shared();
    std::vector<Counts> counts(3);
    std::size_t documents = 0, bytes = 0;
    const auto started = std::chrono::steady_clock::now();
    for (const morgue::conll::Document& document : morgue::conll::read_documents(path)) {
        const morgue::conll::RebuiltDocument rebuilt = morgue::conll::rebuild(document);
        const auto found = extractor.extract(rebuilt.title, rebuilt.body, "en");
        count(gold_pairs(rebuilt), predicted_pairs(found), documents, show_errors, counts);
        ++documents;
        bytes += rebuilt.title.size() + rebuilt.body.size();
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    const bool met = report(counts, documents, bytes, took.count());
    if (check && !met) {
        std::printf("below target: micro F1 >= %.2f and every type >= %.2f required\n",
                    kMicroTarget, kTypeTarget);
        return 1;
    }
    return 0;
}
