// The entity extractor, on any bytes made UTF-8: the first line is the title, the rest the
// body; English mostly, German for one input in four (the path of other languages). Names are
// also canonicalised as a record's or a query's own would be.

#include "common/entities/extractor.h"
#include "common/text/unicode.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace morgue;
    const std::string text = text::to_utf8(fuzz::as_text(data, size));
    const std::string_view view(text);
    const std::size_t line_end = std::min(view.find('\n'), view.size());
    const std::string_view title = view.substr(0, line_end);
    const std::string_view body = view.substr(std::min(line_end + 1, view.size()));
    const std::string_view lang = size % 4 == 3 ? "de" : "en";
    for (const Entity& entity : entities::Extractor::shared().extract(title, body, lang)) {
        fuzz::check(!entity.name.empty() && !entity.mentions.empty(),
                    "an entity has a name and is mentioned");
        fuzz::check_utf8(entity.name, "an entity's name");
        for (const std::string& mention : entity.mentions) {
            fuzz::check_utf8(mention, "an entity's mention");
        }
    }
    for (const EntityType type :
         {EntityType::person, EntityType::organisation, EntityType::location}) {
        entities::canonical_name(type, title);
    }
    return 0;
}
