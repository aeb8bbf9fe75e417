#include "language.h"

#include "unicode.h"

#include <libstemmer.h>

#include <array>
#include <new>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace morgue::text {

namespace {

// One language as records and users name it: ISO 639-1, then ISO 639-2/B, 639-2/T or 639-3
// codes, legacy 639-1 codes, English names and native names.
struct LanguageNames {
    std::string_view iso1;
    std::array<std::string_view, 8> names;
};

// The languages libstemmer can stem, the CJK languages, and other languages common in news.
constexpr std::array<LanguageNames, 62> kLanguages = {{
    {"ar", {"ara", "arabic", "العربية", "عربي"}},
    {"hy", {"arm", "hye", "armenian", "հայերեն"}},
    {"eu", {"baq", "eus", "basque", "euskara"}},
    {"ca", {"cat", "catalan", "català", "valencian"}},
    {"da", {"dan", "danish", "dansk"}},
    {"nl", {"dut", "nld", "dutch", "nederlands", "flemish", "vlaams"}},
    {"en", {"eng", "english"}},
    {"fi", {"fin", "finnish", "suomi"}},
    {"fr", {"fre", "fra", "french", "français"}},
    {"de", {"ger", "deu", "german", "deutsch"}},
    {"el", {"gre", "ell", "greek", "ελληνικά"}},
    {"hi", {"hin", "hindi", "हिन्दी", "हिंदी"}},
    {"hu", {"hun", "hungarian", "magyar"}},
    {"id", {"ind", "in", "indonesian", "bahasa indonesia"}},
    {"ga", {"gle", "irish", "gaeilge", "irish gaelic"}},
    {"it", {"ita", "italian", "italiano"}},
    {"lt", {"lit", "lithuanian", "lietuvių", "lietuviu kalba"}},
    {"ne", {"nep", "nepali", "नेपाली"}},
    {"no", {"nor", "norwegian", "norsk"}},
    {"nb", {"nob", "norwegian bokmål", "bokmål", "norsk bokmål"}},
    {"nn", {"nno", "norwegian nynorsk", "nynorsk", "norsk nynorsk"}},
    {"pt", {"por", "portuguese", "português"}},
    {"ro", {"rum", "ron", "mo", "romanian", "română", "moldavian"}},
    {"ru", {"rus", "russian", "русский", "русский язык"}},
    {"sr", {"srp", "scc", "serbian", "српски", "srpski"}},
    {"es", {"spa", "spanish", "español", "castellano", "castilian"}},
    {"sv", {"swe", "swedish", "svenska"}},
    {"ta", {"tam", "tamil", "தமிழ்"}},
    {"tr", {"tur", "turkish", "türkçe"}},
    {"yi", {"yid", "ji", "yiddish", "ייִדיש", "יידיש"}},
    {"et", {"est", "estonian", "eesti"}},
    {"zh", {"chi", "zho", "cmn", "chinese", "mandarin", "中文", "汉语", "漢語"}},
    {"ja", {"jpn", "japanese", "日本語"}},
    {"ko", {"kor", "korean", "한국어", "조선말"}},
    {"pl", {"pol", "polish", "polski"}},
    {"cs", {"cze", "ces", "czech", "čeština"}},
    {"sk", {"slo", "slk", "slovak", "slovenčina"}},
    {"sl", {"slv", "slovenian", "slovene", "slovenščina"}},
    {"hr", {"hrv", "scr", "croatian", "hrvatski"}},
    {"bs", {"bos", "bosnian", "bosanski"}},
    {"mk", {"mac", "mkd", "macedonian", "македонски"}},
    {"bg", {"bul", "bulgarian", "български"}},
    {"uk", {"ukr", "ukrainian", "українська"}},
    {"be", {"bel", "belarusian", "беларуская"}},
    {"lv", {"lav", "latvian", "latviešu"}},
    {"is", {"ice", "isl", "icelandic", "íslenska"}},
    {"sq", {"alb", "sqi", "albanian", "shqip"}},
    {"gl", {"glg", "galician", "galego"}},
    {"cy", {"wel", "cym", "welsh", "cymraeg"}},
    {"af", {"afr", "afrikaans"}},
    {"sw", {"swa", "swahili", "kiswahili"}},
    {"he", {"heb", "iw", "hebrew", "עברית"}},
    {"fa", {"per", "fas", "persian", "farsi", "فارسی"}},
    {"ur", {"urd", "urdu", "اردو"}},
    {"bn", {"ben", "bengali", "bangla", "বাংলা"}},
    {"ms", {"may", "msa", "malay", "bahasa melayu"}},
    {"jv", {"jav", "jw", "javanese", "basa jawa"}},
    {"tl", {"tgl", "fil", "tagalog", "filipino"}},
    {"vi", {"vie", "vietnamese", "tiếng việt"}},
    {"th", {"tha", "thai", "ไทย"}},
    {"ka", {"geo", "kat", "georgian", "ქართული"}},
    {"az", {"aze", "azerbaijani", "azərbaycan"}},
}};

// Snowball algorithm names by ISO 639-1 code, kept only when this libstemmer has them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 32> kSnowball = {{
    {"ar", "arabic"},     {"hy", "armenian"},   {"eu", "basque"},    {"ca", "catalan"},
    {"da", "danish"},     {"nl", "dutch"},      {"en", "english"},   {"fi", "finnish"},
    {"fr", "french"},     {"de", "german"},     {"el", "greek"},     {"hi", "hindi"},
    {"hu", "hungarian"},  {"id", "indonesian"}, {"ga", "irish"},     {"it", "italian"},
    {"lt", "lithuanian"}, {"ne", "nepali"},     {"no", "norwegian"}, {"nb", "norwegian"},
    {"nn", "norwegian"},  {"pt", "portuguese"}, {"ro", "romanian"},  {"ru", "russian"},
    {"sr", "serbian"},    {"es", "spanish"},    {"sv", "swedish"},   {"ta", "tamil"},
    {"tr", "turkish"},    {"yi", "yiddish"},    {"et", "estonian"},  {"pl", "polish"},
}};

// The form names are compared in: NFKC, case-folded, accents off ("Français" = "francais").
std::string language_key(std::string_view value) {
    return fold_accents(fold_value(value));
}

const std::unordered_map<std::string, std::string_view>& language_index() {
    static const auto index = [] {
        std::unordered_map<std::string, std::string_view> map;
        for (const LanguageNames& language : kLanguages) {
            map.emplace(std::string(language.iso1), language.iso1);
            for (const std::string_view name : language.names) {
                if (!name.empty()) {
                    map.emplace(language_key(name), language.iso1);
                }
            }
        }
        return map;
    }();
    return index;
}

std::string lookup(std::string_view key) {
    const auto& index = language_index();
    const auto found = index.find(std::string(trim(key)));
    return found == index.end() ? std::string() : std::string(found->second);
}

const std::unordered_set<std::string_view>& stemmer_algorithms() {
    static const auto algorithms = [] {
        std::unordered_set<std::string_view> set;
        for (const char** name = sb_stemmer_list(); *name != nullptr; ++name) {
            set.emplace(*name);
        }
        return set;
    }();
    return algorithms;
}

}  // namespace

std::string normalise_language(std::string_view value) {
    // A code as stored and as queries name it needs no index: building that folds hundreds of
    // names, a cost a one-shot search would otherwise pay at start-up.
    for (const LanguageNames& language : kLanguages) {
        if (language.iso1 == value) {
            return std::string(value);
        }
    }
    const std::string key = language_key(value);
    if (key.empty()) {
        return {};
    }
    if (std::string whole = lookup(key); !whole.empty()) {
        return whole;
    }
    // "en-US", "en_GB", "English (UK)", "de, en": the first subtag or name decides.
    return lookup(std::string_view(key).substr(0, key.find_first_of("-_(,;/")));
}

std::string snowball_algorithm(std::string_view iso639_1) {
    const std::string code = normalise_language(iso639_1);
    for (const auto& [iso, algorithm] : kSnowball) {
        if (iso == code && stemmer_algorithms().contains(algorithm)) {
            return std::string(algorithm);
        }
    }
    return {};
}

bool is_cjk_language(std::string_view iso639_1) {
    if (iso639_1 == "zh" || iso639_1 == "ja" || iso639_1 == "ko") {
        return true;
    }
    const std::string code = normalise_language(iso639_1);
    return code == "zh" || code == "ja" || code == "ko";
}

SnowballStemmer::SnowballStemmer(const std::string& algorithm)
    : algorithm_(algorithm), stemmer_(sb_stemmer_new(algorithm.c_str(), "UTF_8")) {
    if (stemmer_ == nullptr) {
        std::string known;
        for (const char** name = sb_stemmer_list(); *name != nullptr; ++name) {
            known += known.empty() ? *name : std::string(", ") + *name;
        }
        throw std::invalid_argument("no Snowball stemmer '" + algorithm +
                                    "'; this libstemmer has: " + known);
    }
}

SnowballStemmer::~SnowballStemmer() {
    sb_stemmer_delete(stemmer_);
}

std::string SnowballStemmer::stem(std::string_view word) {
    const sb_symbol* stemmed = sb_stemmer_stem(
        stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (stemmed == nullptr) {
        throw std::bad_alloc();  // libstemmer's only failure
    }
    return std::string(reinterpret_cast<const char*>(stemmed),
                       static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
}

}  // namespace morgue::text
