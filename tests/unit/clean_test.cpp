#define BOOST_TEST_MODULE clean
#include <boost/test/unit_test.hpp>

#include "common/text/clean.h"
#include "common/text/unicode.h"

#include <cstddef>
#include <fstream>
#include <optional>
#include <sstream>
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
