#define BOOST_TEST_MODULE language
#include <boost/test/unit_test.hpp>

#include "common/text/language.h"

#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace text = morgue::text;

namespace {

struct Case {
    std::string input;
    std::string expected;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(language)

BOOST_AUTO_TEST_CASE(detect_language_table) {
    const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
        {"Ukraine crisis deepens",
         "President Joe Biden accepted a meeting with President Vladimir Putin in principle if "
         "Russia does not invade Ukraine first, according to the White House. The Kremlin said "
         "there were no concrete plans for a summit.",
         "en"},
        {"Krise in der Ukraine",
         "Der französische Präsident bemühte sich am Montag, ein Treffen zwischen den Präsidenten "
         "der Vereinigten Staaten und Russlands zu vermitteln, um einen Krieg in Europa zu "
         "verhindern. Der Kreml erklärte, es gebe noch keine konkreten Pläne.",
         "de"},
        {"Crise en Ukraine",
         "Le président français a multiplié lundi les efforts pour organiser une rencontre entre "
         "les présidents américain et russe afin d'éviter une guerre en Europe. Le Kremlin a "
         "indiqué qu'il n'y avait pas de projet concret.",
         "fr"},
        {"Crisis en Ucrania",
         "El presidente francés intensificó el lunes sus esfuerzos para lograr una reunión entre "
         "los presidentes de Estados Unidos y Rusia con el fin de evitar una guerra en Europa. El "
         "Kremlin dijo que no había planes concretos.",
         "es"},
        {"Кризис на Украине",
         "Президент Франции в понедельник активизировал усилия, чтобы организовать встречу "
         "президентов США и России и предотвратить войну в Европе. В Кремле заявили, что "
         "конкретных планов пока нет.",
         "ru"},
        {"中国经济",
         "中国经济在第一季度增长了百分之五，国家统计局周一公布的数据显示，消费和投资都有所回升。",
         "zh"},
        {"", "", ""},
        {"ok", "", ""},
    };
    for (const auto& [title, body, expected] : cases) {
        BOOST_TEST_CONTEXT("title: " << title) {
            BOOST_TEST(text::detect_language(title, body) == expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(detect_language_reads_a_bounded_prefix) {
    // English first, then twenty times as much German: only the opening decides.
    std::string body;
    while (body.size() < 10000) {
        body += "The markets fell sharply on Monday as investors worried about the war. ";
    }
    while (body.size() < 200000) {
        body += "Die Börsen fielen am Montag deutlich, weil die Anleger den Krieg fürchteten. ";
    }
    BOOST_TEST(text::detect_language("Markets fall", body) == "en");
    BOOST_TEST(text::detect_language("", body.substr(10000)) == "de");
}

BOOST_AUTO_TEST_CASE(normalise_language_table) {
    const std::vector<Case> cases = {
        {"en", "en"},
        {"EN", "en"},
        {"en-US", "en"},
        {"en_GB", "en"},
        {"eng", "en"},
        {"English", "en"},
        {"english", "en"},
        {" English (UK) ", "en"},
        {"Deutsch", "de"},
        {"de-DE", "de"},
        {"ger", "de"},
        {"deu", "de"},
        {"German", "de"},
        {"fra", "fr"},
        {"fre", "fr"},
        {"français", "fr"},
        {"Francais", "fr"},
        {"FRANÇAIS", "fr"},
        {"español", "es"},
        {"Castellano", "es"},
        {"pt-BR", "pt"},
        {"português", "pt"},
        {"русский", "ru"},
        {"rus", "ru"},
        {"zh-Hant", "zh"},
        {"zh_CN", "zh"},
        {"Chinese", "zh"},
        {"中文", "zh"},
        {"ja", "ja"},
        {"Japanese", "ja"},
        {"日本語", "ja"},
        {"kor", "ko"},
        {"Korean", "ko"},
        {"nb", "nb"},
        {"nob", "nb"},
        {"Norwegian", "no"},
        {"norsk", "no"},
        {"nn-NO", "nn"},
        {"Nederlands", "nl"},
        {"dut", "nl"},
        {"ελληνικά", "el"},
        {"Türkçe", "tr"},
        {"Suomi", "fi"},
        {"Magyar", "hu"},
        {"Gaeilge", "ga"},
        {"hin", "hi"},
        {"Nepali", "ne"},
        {"tam", "ta"},
        {"yid", "yi"},
        {"iw", "he"},
        {"Indonesian", "id"},
        {"srp", "sr"},
        {"Lithuanian", "lt"},
        {"Armenian", "hy"},
        {"Basque", "eu"},
        {"català", "ca"},
        {"Dansk", "da"},
        {"svenska", "sv"},
        {"rum", "ro"},
        {"Arabic", "ar"},
        {"Polish", "pl"},
        {"Ukrainian", "uk"},
        {"Klingon", ""},
        {"xx", ""},
        {"", ""},
        {"  ", ""},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT("value: " << c.input) {
            BOOST_TEST(text::normalise_language(c.input) == c.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(snowball_algorithm_table) {
    const std::vector<Case> cases = {
        {"en", "english"}, {"de", "german"},    {"fr", "french"},    {"es", "spanish"},
        {"ru", "russian"}, {"no", "norwegian"}, {"nb", "norwegian"}, {"nn", "norwegian"},
        {"EN", "english"}, {"el", "greek"},     {"ar", "arabic"},    {"hi", "hindi"},
        {"zh", ""},        {"ja", ""},          {"xx", ""},          {"", ""},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT("code: " << c.input) {
            BOOST_TEST(text::snowball_algorithm(c.input) == c.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(every_snowball_algorithm_constructs) {
    for (const std::string_view code :
         {"ar", "hy", "eu", "ca", "da", "nl", "en", "fi", "fr", "de", "el",
          "hi", "hu", "id", "ga", "it", "lt", "ne", "no", "nb", "nn", "pt",
          "ro", "ru", "sr", "es", "sv", "ta", "tr", "yi", "et", "pl"}) {
        const std::string algorithm = text::snowball_algorithm(code);
        if (!algorithm.empty()) {
            BOOST_TEST_CONTEXT("algorithm: " << algorithm) {
                text::SnowballStemmer stemmer(algorithm);
                BOOST_TEST(stemmer.algorithm() == algorithm);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(is_cjk_language_table) {
    BOOST_TEST(text::is_cjk_language("zh"));
    BOOST_TEST(text::is_cjk_language("ja"));
    BOOST_TEST(text::is_cjk_language("ko"));
    BOOST_TEST(text::is_cjk_language("zh-Hant"));
    BOOST_TEST(!text::is_cjk_language("en"));
    BOOST_TEST(!text::is_cjk_language("vi"));
    BOOST_TEST(!text::is_cjk_language(""));
}

BOOST_AUTO_TEST_CASE(snowball_stemmer_stems) {
    const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
        {"english", "running", "run"}, {"english", "connections", "connect"},
        {"german", "häuser", "haus"},  {"french", "continuellement", "continuel"},
        {"russian", "книги", "книг"},  {"english", "", ""},
    };
    for (const auto& [algorithm, word, stem] : cases) {
        BOOST_TEST_CONTEXT(algorithm << ": " << word) {
            text::SnowballStemmer stemmer(algorithm);
            BOOST_TEST(stemmer.stem(word) == stem);
        }
    }
}

BOOST_AUTO_TEST_CASE(snowball_stemmer_rejects_unknown_algorithm) {
    BOOST_CHECK_THROW(text::SnowballStemmer("klingon"), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
