#include "extractor.h"

#include "aliases.h"
#include "document.h"
#include "embedded_data.h"
#include "foreign.h"
#include "lexicon.h"
#include "mentions.h"
#include "model.h"
#include "resolve.h"
#include "tagger.h"

namespace morgue::entities {

namespace {

// The tagger reads English capitalisation; other languages take the ForeignCountries path.
bool is_english(std::string_view lang) {
    return lang.empty() || lang == "en" || lang.starts_with("en-") || lang.starts_with("en_");
}

}  // namespace

struct Extractor::Impl {
    Lexicon lexicon{embedded_entity_file_or_throw};
    Model model = Model::parse(embedded_entity_file_or_throw("ner-weights.bin"));
    ForeignCountries foreign{embedded_entity_file_or_throw("countries-i18n.tsv"),
                             embedded_entity_file_or_throw("countries.tsv")};
};

Extractor::Extractor() : impl_(std::make_unique<Impl>()) {}

Extractor::~Extractor() = default;

const Extractor& Extractor::shared() {
    static const Extractor extractor;
    return extractor;
}

std::vector<Entity> Extractor::extract(std::string_view title, std::string_view body,
                                       std::string_view lang) const {
    if (!is_english(lang)) {
        return impl_->foreign.extract(title, body, lang);
    }
    // One document and tag buffer per thread, reused from article to article.
    thread_local Document doc;
    thread_local std::vector<Tag> tags;
    prepare_document(title, body, impl_->lexicon, doc);
    tag_document(doc, impl_->lexicon, impl_->model, tags);
    return resolve_entities(collect_mentions(doc, tags, impl_->lexicon), impl_->lexicon,
                            AliasTable::shared());
}

std::string canonical_name(EntityType type, std::string_view name) {
    std::string tidy = tidy_name(name);
    if (const auto canonical = AliasTable::shared().canonical(type, alias_key(tidy))) {
        return std::string(*canonical);
    }
    return tidy;
}

}  // namespace morgue::entities
