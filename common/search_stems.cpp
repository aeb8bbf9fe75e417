#include "search_stems.h"

#include <unordered_map>

#include "stem_adapter.h"

namespace morgue {

namespace {

/// Stems stay valid for a word whatever the query, so the memo lives as long as the searcher;
/// it is emptied when it grows past this many words to bound the memory of a long batch.
constexpr std::size_t kMaxRemembered = 200000;

/// Wraps a stemmer with a memo of word -> stem.
class RememberingStem : public Xapian::StemImplementation {
  public:
    explicit RememberingStem(Xapian::Stem inner) : inner_(std::move(inner)) {}
    std::string operator()(const std::string& word) override {
        auto it = memo_.find(word);
        if (it != memo_.end()) {
            return it->second;
        }
        if (memo_.size() >= kMaxRemembered) {
            memo_.clear();
        }
        return memo_.emplace(word, inner_(word)).first->second;
    }
    std::string get_description() const override { return inner_.get_description(); }

  private:
    Xapian::Stem inner_;
    std::unordered_map<std::string, std::string> memo_;
};

}  // namespace

const Xapian::Stem& SearchStemmers::get(const std::string& iso639_1) {
    auto it = stemmers_.find(iso639_1);
    if (it == stemmers_.end()) {
        Xapian::Stem inner = make_stemmer(iso639_1);
        Xapian::Stem stem = inner.is_none() ? inner : Xapian::Stem(new RememberingStem(inner));
        it = stemmers_.emplace(iso639_1, stem).first;
    }
    return it->second;
}

}  // namespace morgue
