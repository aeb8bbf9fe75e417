#define BOOST_TEST_MODULE text
#include <boost/test/unit_test.hpp>

#include "common/text/clean.h"
#include "common/text/language.h"
#include "common/text/unicode.h"

#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace text = morgue::text;

namespace {

struct Case {
    std::string input;
    std::string expected;
};

// A file of the shared corpora (beside the project, absent on users' machines).
std::optional<std::string> read_corpus(const std::string& relative) {
    const std::string path = std::string(MORGUE_SOURCE_DIR) + "/../shared/corpora/" + relative;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        BOOST_TEST_MESSAGE("skipped: " << path << " not found (the shared corpora are absent)");
        return std::nullopt;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::size_t count(std::string_view haystack, std::string_view needle) {
    std::size_t n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
         at = haystack.find(needle, at + needle.size())) {
        ++n;
    }
    return n;
}

// n copies of a story paragraph, so that furniture lands in the text's last part.
std::string paragraphs(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += "Paragraph " + std::to_string(i + 1) + " of the story says something new.\n\n";
    }
    return out;
}

const std::string kSampleTitle =
    "Amid increased shelling in Eastern Ukraine Monday, French President Emmanuel Macron was "
    "intensifying efforts to compel…";

}  // namespace

BOOST_AUTO_TEST_SUITE(unicode)

BOOST_AUTO_TEST_CASE(is_valid_utf8_table) {
    const std::vector<std::pair<std::string, bool>> cases = {
        {"", true},
        {"plain ASCII\t\n", true},
        {"São", true},                // U+00E3
        {"€", true},                  // U+20AC
        {"📰", true},                  // U+1F4F0
        {"\xF4\x8F\xBF\xBF", true},   // U+10FFFF
        {"\xC3", false},              // truncated
        {"\xE2\x82", false},          // truncated
        {"\x80", false},              // lone continuation
        {"\xC0\x80", false},          // overlong NUL
        {"\xE0\x80\xAF", false},      // overlong '/'
        {"\xED\xA0\x80", false},      // surrogate U+D800
        {"\xF4\x90\x80\x80", false},  // past U+10FFFF
        {"\xF5\x80\x80\x80", false},
        {"caf\xE9", false},  // Latin-1
    };
    for (const auto& [bytes, valid] : cases) {
        BOOST_TEST_CONTEXT("bytes: " << bytes) {
            BOOST_TEST(text::is_valid_utf8(bytes) == valid);
        }
    }
}

BOOST_AUTO_TEST_CASE(to_utf8_table) {
    // Octal escapes ("\200") end after three digits where a hex one would swallow a letter.
    const std::vector<Case> cases = {
        {"already valid: São Paulo — 📰\t\n", "already valid: São Paulo — 📰\t\n"},
        {"caf\xE9 cr\xE8me", "café crème"},
        {"\x93quoted\x94 \x96 \2005 \x85", "“quoted” – €5 …"},
        {"\x8A\x9A\x9F", "ŠšŸ"},
        {"a\201b\215c\217d\220e\235f", "abcdef"},  // undefined in cp1252
        {"line\r\nnext\rlast\r", "line\nnext\nlast\n"},
        {std::string("a\0b\001c\033d\x7F", 8), "abcd\x7F"},
        {"valid \xC3\xA9 then stray \xE9", "valid é then stray é"},
        {"\xC2\223C1 from Latin-1\xC2\x94", "“C1 from Latin-1”"},  // U+0093, U+0094
        {"\xC0\x80", "À€"},  // an overlong form is two cp1252 bytes
        {"", ""},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT("bytes: " << c.input) {
            const std::string out = text::to_utf8(c.input);
            BOOST_TEST(out == c.expected);
            BOOST_TEST(text::is_valid_utf8(out));
        }
    }
}

BOOST_AUTO_TEST_CASE(fold_value_table) {
    const std::vector<Case> cases = {
        {"  São   PAULO ", "são paulo"},
        {"Reuters", "reuters"},
        {"ＡＢＣ", "abc"},  // fullwidth ABC
        {"Straße", "strasse"},
        {"ﬁle", "file"},         // U+FB01 ligature
        {"Sa\xCC\x83o", "são"},  // decomposed input composed
        {"New\xC2\xA0York\t\nTimes", "new york times"},
        {"soft\xC2\xADhyphen", "softhyphen"},  // default ignorable dropped
        {"МОСКВА", "москва"},
        {"   ", ""},
        {"caf\xE9", "café"},  // invalid bytes repaired first
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT("value: " << c.input) {
            BOOST_TEST(text::fold_value(c.input) == c.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(fold_accents_table) {
    const std::vector<Case> cases = {
        {"São Paulo", "Sao Paulo"},
        {"Müller", "Muller"},
        {"Crème Brûlée", "Creme Brulee"},
        {"İstanbul", "Istanbul"},      // U+0130
        {"Sa\xCC\x83o", "Sao"},        // decomposed
        {"Nguyễn Đại", "Nguyen Đai"},  // Đ has no mark
        {"Ærø Straße", "Ærø Straße"},  // no marks
        {"ﬁ", "ﬁ"},                    // ligature kept
        {"Αθήνα", "Αθηνα"},
        {"Йошкар", "Йошкар"},  // й keeps its breve: a letter of its own
        {"ёж", "ёж"},
        {"がっこう", "がっこう"},  // dakuten kept
        {"हिन्दी", "हिन्दी"},        // vowel signs kept
        {"plain ASCII, unchanged", "plain ASCII, unchanged"},
        {"", ""},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT("text: " << c.input) {
            BOOST_TEST(text::fold_accents(c.input) == c.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(trim_and_collapse_space) {
    BOOST_TEST(text::trim("  x y \t\n") == "x y");
    BOOST_TEST(text::trim("\xC2\xA0\xE3\x80\x80wide\xE3\x80\x80") == "wide");
    BOOST_TEST(text::trim("\xEF\xBB\xBFtitle") == "title");
    BOOST_TEST(text::trim("caf\xC3\xA9\xE2\x80\x83") == "café");
    BOOST_TEST(text::trim(" \t ") == "");
    BOOST_TEST(text::collapse_space(" a \t\n b\xC2\xA0\xC2\240c ") == "a b c");
    BOOST_TEST(text::collapse_space("") == "");
    BOOST_TEST(text::white_space_length("a\xE2\x80\xAF", 1) == 3u);
    BOOST_TEST(text::white_space_length("ab", 1) == 0u);
    BOOST_TEST(text::white_space_length("a", 5) == 0u);
}

BOOST_AUTO_TEST_CASE(utf8_prefix_cuts_on_code_points) {
    BOOST_TEST(text::utf8_prefix("añb", 2) == "a");
    BOOST_TEST(text::utf8_prefix("añb", 3) == "añ");
    BOOST_TEST(text::utf8_prefix("abc", 10) == "abc");
    BOOST_TEST(text::utf8_prefix("€", 2) == "");
}

BOOST_AUTO_TEST_CASE(shorten_table) {
    const std::vector<std::tuple<std::string, std::size_t, std::string>> cases = {
        {"short", 10, "short"},
        {"exactly ten", 11, "exactly ten"},
        {"one two three four", 10, "one two…"},
        {"one two three", 7, "one two…"},  // a word ending at the limit is whole
        {"Supercalifragilistic", 5, "Super…"},
        {"Monday, French President", 10, "Monday…"},
        {"a — b c d e", 5, "a…"},
        {"añññ", 4, "añ…"},
        {"lead\xC2\xA0space here", 9, "lead…"},
    };
    for (const auto& [input, max_bytes, expected] : cases) {
        BOOST_TEST_CONTEXT("text: " << input << ", max " << max_bytes) {
            BOOST_TEST(text::shorten(input, max_bytes) == expected);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(clean)

BOOST_AUTO_TEST_CASE(sample_article_keeps_the_story_only) {
    const std::optional<std::string> sample = read_corpus("sample-article.txt");
    if (!sample) {
        return;
    }
    const text::CleanBody cleaned = text::clean_body(*sample);
    BOOST_TEST(cleaned.source_hint == "Nbcnews.com");
    BOOST_TEST(cleaned.body.starts_with("Amid increased shelling in Eastern Ukraine Monday,"));
    BOOST_TEST(cleaned.body.ends_with("and Russian stocks plunged, Reuters reported."));
    BOOST_TEST(count(cleaned.body, "\n\n") == 23u);  // 24 paragraphs
    BOOST_TEST(count(cleaned.body, "\n") == 46u);
    BOOST_TEST(cleaned.body.find("could lead to a wider conflict.\n\n") != std::string::npos);
    for (const std::string_view gone : {"Source:", "Nbcnews", "Leave a Reply", "email address",
                                        "You May Also Like", "Rittenhouse", "Vance"}) {
        BOOST_TEST_CONTEXT("gone: " << gone) {
            BOOST_TEST(cleaned.body.find(gone) == std::string::npos);
        }
    }
    BOOST_TEST(cleaned.body.size() == 4706u);
}

BOOST_AUTO_TEST_CASE(paragraphs_and_white_space) {
    const text::CleanBody cleaned =
        text::clean_body("\n\n  Para \t one \n line  two\n\n\n \nPara\xC2\xA0two\xC2\xA0\n\n");
    BOOST_TEST(cleaned.body == "Para one\nline two\n\nPara two");
    BOOST_TEST(cleaned.source_hint == "");
    BOOST_TEST(text::clean_body("").body == "");
}

BOOST_AUTO_TEST_CASE(attribution_lines_table) {
    const std::vector<Case> cases = {
        {"Source: Reuters", "Reuters"},
        {"SOURCE: | This article originally belongs to Nbcnews.com", "Nbcnews.com"},
        {"This article originally appeared on Vox.com.", "Vox.com"},
        {"This article originally appeared in The Conversation. Read the original.",
         "The Conversation"},
        {"This story was originally published by ProPublica", "ProPublica"},
        {"Originally published at The Guardian", "The Guardian"},
        {"Source - Associated Press", "Associated Press"},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT("line: " << c.input) {
            const text::CleanBody cleaned = text::clean_body("The story.\n\n" + c.input);
            BOOST_TEST(cleaned.source_hint == c.expected);
            BOOST_TEST(cleaned.body == "The story.");
        }
    }
}

BOOST_AUTO_TEST_CASE(long_source_lines_are_story) {
    const std::string line =
        "Source: a senior official who asked not to be named because the "
        "talks are private said the deal was close.";
    const text::CleanBody cleaned = text::clean_body("The story.\n\n" + line);
    BOOST_TEST(cleaned.source_hint == "");
    BOOST_TEST(cleaned.body == "The story.\n\n" + line);
}

BOOST_AUTO_TEST_CASE(furniture_in_the_tail_is_cut) {
    const std::string story = paragraphs(4);
    const std::string kept = story.substr(0, story.size() - 2);
    const std::vector<std::string> markers = {
        "Leave a Reply",
        "Leave a comment",
        "Post a Comment",
        "Your email address will not be published. Required fields are marked *",
        "YOU MAY ALSO LIKE",
        "You might also like",
        "Related Articles",
        "Related stories:",
        "Related: Earlier coverage",
        "Read more: the full report",
        "More from NBC News",
        "Recommended for you",
        "Share this:",
        "Share this article",
        "Comments (12)",
        "Comments",
        "Sign up for our newsletter to get the news in your inbox every morning.",
        "Most Popular",
    };
    for (const std::string& marker : markers) {
        BOOST_TEST_CONTEXT("marker: " << marker) {
            const text::CleanBody cleaned =
                text::clean_body(story + marker + "\n\nTeaser headline about something else\n");
            BOOST_TEST(cleaned.body == kept);
        }
    }
}

BOOST_AUTO_TEST_CASE(marker_like_story_lines_are_kept) {
    const std::string story = paragraphs(4);
    const std::vector<std::string> lines = {
        "Comments by the minister drew anger.",
        "More from the minister's speech came later, when he described the plan in detail.",
        "Most popular among voters was the plan to cut taxes.",
        "Commentsection is one word here",
    };
    for (const std::string& line : lines) {
        BOOST_TEST_CONTEXT("line: " << line) {
            const text::CleanBody cleaned = text::clean_body(story + line);
            BOOST_TEST(cleaned.body == story + line);
        }
    }
}

BOOST_AUTO_TEST_CASE(markers_early_in_the_text_are_kept) {
    const std::string text =
        "Read more: the agency's report\n\nRelated Stories\n\n" + paragraphs(4);
    BOOST_TEST(text::clean_body(text).body == text.substr(0, text.size() - 2));
}

BOOST_AUTO_TEST_CASE(comment_forms_cut_after_the_first_paragraph) {
    const std::string teasers = paragraphs(6);
    BOOST_TEST(text::clean_body("A short story.\n\nLeave a Reply\n\n" + teasers).body ==
               "A short story.");
    // Before any story a comment heading is not taken as the end of one.
    BOOST_TEST(text::clean_body("Leave a comment\n\nThe story.").body ==
               "Leave a comment\n\nThe story.");
}

BOOST_AUTO_TEST_CASE(advertisement_lines_dropped_anywhere) {
    const text::CleanBody cleaned = text::clean_body(
        "First.\n\nADVERTISEMENT\n\nSecond.\n- Advertisement -\nThird.\n\n"
        "Story continues below advertisement\n\nFourth.");
    BOOST_TEST(cleaned.body == "First.\n\nSecond.\nThird.\n\nFourth.");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(title)

BOOST_AUTO_TEST_CASE(split_title_table) {
    const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
        {"Headline here\n\nBody text.", "Headline here", "Body text."},
        {"\n\n  Headline  with  space \n\n\nBody.", "Headline with space", "Body."},
        {"Is this a headline?\n\nBody.", "Is this a headline?", "Body."},
        {"Wow!\n\nBody.", "Wow!", "Body."},
        {"Headline\nThe body starts directly here and goes on.", "Headline",
         "The body starts directly here and goes on."},
        {"This is a sentence.\n\nBody.", "This is a sentence.", "This is a sentence.\n\nBody."},
        {"Update:\n\nBody.", "Update:", "Update:\n\nBody."},
        {"Just a headline", "Just a headline", "Just a headline"},
        {"headline\nthe body in lower case", "headline the body in lower case",
         "headline\nthe body in lower case"},
        {"Mr. Smith went to Washington. He met Dr. Jones there.", "Mr. Smith went to Washington.",
         "Mr. Smith went to Washington. He met Dr. Jones there."},
        {"The U.S. economy grew. Analysts were surprised.", "The U.S. economy grew.",
         "The U.S. economy grew. Analysts were surprised."},
        {"J. R. R. Tolkien wrote books. Many.", "J. R. R. Tolkien wrote books.",
         "J. R. R. Tolkien wrote books. Many."},
        {"\"We will win,\" he said. Then he left.", "\"We will win,\" he said.",
         "\"We will win,\" he said. Then he left."},
        {"He said “no.” Then he left.", "He said “no.”", "He said “no.” Then he left."},
        {"Prices rose 3.5 percent in Jan. Officials said.",
         "Prices rose 3.5 percent in Jan. Officials said.",
         "Prices rose 3.5 percent in Jan. Officials said."},
        {"He scored 5. Then he left.", "He scored 5.", "He scored 5. Then he left."},
        {"", "", ""},
    };
    for (const auto& [input, title, body] : cases) {
        BOOST_TEST_CONTEXT("text: " << input) {
            const text::TitledText split = text::split_title(input);
            BOOST_TEST(split.title == title);
            BOOST_TEST(split.body == body);
        }
    }
}

BOOST_AUTO_TEST_CASE(hard_wrapped_paragraph_is_not_a_headline) {
    const std::string wrapped =
        "The Agriculture Department said the harvest would be larger than many\n"
        "Traders had expected, and prices fell sharply in the afternoon session.";
    const text::TitledText split = text::split_title(wrapped);
    BOOST_TEST(split.title ==
               "The Agriculture Department said the harvest would be larger than many Traders "
               "had expected, and prices fell sharply in…");
    BOOST_TEST(split.body == wrapped);
}

BOOST_AUTO_TEST_CASE(long_first_line_is_not_a_headline) {
    std::string line;
    for (int i = 0; i < 30; ++i) {
        line += "word ";
    }
    const text::TitledText split = text::split_title(line + "\n\nBody.");
    BOOST_TEST(split.title == text::shorten(text::trim(line), 120));
    BOOST_TEST(split.body == line + "\n\nBody.");
}

BOOST_AUTO_TEST_CASE(sample_article_title_is_its_first_sentence) {
    const std::optional<std::string> sample = read_corpus("sample-article.txt");
    if (!sample) {
        return;
    }
    const text::TitledText split = text::split_title(*sample);
    BOOST_TEST(split.title == kSampleTitle);
    BOOST_TEST(split.body == std::string(text::trim(*sample)));
}

BOOST_AUTO_TEST_CASE(bbc_files_have_a_title_line) {
    const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
        {"news/bbc/business/001.txt", "Ad sales boost Time Warner profit",
         "Quarterly profits at US media giant TimeWarner jumped 76%"},
        {"news/bbc/sport/001.txt", "Claxton hunting first major medal",
         "British hurdler Sarah Claxton is confident"},
        {"news/bbc/politics/002.txt", "Watchdog probes e-mail deletions",
         "The information commissioner says he is urgently asking"},
    };
    for (const auto& [file, title, body_start] : cases) {
        const std::optional<std::string> bytes = read_corpus(file);
        if (!bytes) {
            return;
        }
        BOOST_TEST_CONTEXT("file: " << file) {
            const text::TitledText split = text::split_title(text::to_utf8(*bytes));
            BOOST_TEST(split.title == title);
            BOOST_TEST(split.body.starts_with(body_start));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

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
