#include "stem_adapter.h"

#include "text/language.h"

namespace morgue {

namespace {

/// Bridges libstemmer into Xapian's TermGenerator and QueryParser.
class SnowballImplementation : public Xapian::StemImplementation {
  public:
    explicit SnowballImplementation(const std::string& algorithm) : stemmer_(algorithm) {}
    std::string operator()(const std::string& word) override { return stemmer_.stem(word); }
    std::string get_description() const override {
        return "libstemmer(" + stemmer_.algorithm() + ")";
    }

  private:
    text::SnowballStemmer stemmer_;
};

}  // namespace

Xapian::Stem make_stemmer(std::string_view iso639_1) {
    std::string algorithm = text::snowball_algorithm(iso639_1);
    if (algorithm.empty()) {
        return Xapian::Stem();
    }
    return Xapian::Stem(new SnowballImplementation(algorithm));
}

const Xapian::Stem& StemmerCache::get(const std::string& iso639_1) {
    auto it = stemmers_.find(iso639_1);
    if (it == stemmers_.end()) {
        it = stemmers_.emplace(iso639_1, make_stemmer(iso639_1)).first;
    }
    return it->second;
}

}  // namespace morgue
