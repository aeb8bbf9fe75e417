#define BOOST_TEST_MODULE html
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "common/html/dom.h"
#include "common/html/text.h"
#include "common/readers/html.h"
#include "common/readers/reader.h"
#include "common/readers/readers_impl.h"
#include "reader_harness.h"

using namespace morgue;
using morgue::testing::escape;
using morgue::testing::run;

namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(MORGUE_SOURCE_DIR) + "/tests/fixtures/html/" + name,
                     std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "missing fixture " << name);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The record as "key=value" lines (line breaks as \n), or the diagnostics when there is none.
std::string convert(const std::string& html, const PageContext& context = {}) {
    std::string diagnostics;
    const std::optional<Record> record =
        html_to_record(html, context, Origin{"page.html", 0}, [&](Diagnostic d) {
            diagnostics += "D " + to_string(d.where) + ": " + d.message + " [" + d.reason + "]\n";
        });
    std::string out = diagnostics;
    if (record) {
        for (const auto& [key, value] : record->fields) {
            out += key + "=" + escape(value) + "\n";
        }
    }
    return out;
}

// Just the body of a page.
std::string body_of(const std::string& html) {
    const std::optional<Record> record =
        html_to_record(html, {}, Origin{"page.html", 0}, [](const Diagnostic&) {});
    if (!record) {
        return "(none)";
    }
    for (const auto& [key, value] : record->fields) {
        if (key == "body") {
            return value;
        }
    }
    return "(no body)";
}

// A paragraph long enough for extraction to take a page as an article on its own.
const std::string kLongParagraph =
    "<p>The harbour board met on Monday evening to discuss the dredging of the outer channel, "
    "which has silted up over the past three winters, and heard from fishermen, ferry operators "
    "and the owners of the boatyard, who all said that the work could not wait another year. "
    "The chair, Ruth Evans, said that the board would publish its decision within a week, once "
    "the engineers had reported on the cost of moving the spoil to the old quarry.</p>";
const std::string kLongText =
    "The harbour board met on Monday evening to discuss the dredging of the outer channel, "
    "which has silted up over the past three winters, and heard from fishermen, ferry operators "
    "and the owners of the boatyard, who all said that the work could not wait another year. "
    "The chair, Ruth Evans, said that the board would publish its decision within a week, once "
    "the engineers had reported on the cost of moving the spoil to the old quarry.";

}  // namespace

BOOST_AUTO_TEST_SUITE(html_page)

BOOST_AUTO_TEST_CASE(news_page_gives_story_and_metadata) {
    BOOST_TEST(convert(fixture("lifeboat-rescue.html")) ==
               "title=Lifeboat crew rescues two kayakers off Gull Point\n"
               "body=Two kayakers were rescued from the sea off Gull Point on Tuesday afternoon "
               "after strong winds pushed them onto the rocks below the old signal station, the "
               "coastguard said.\\n\\nThe volunteer lifeboat crew launched at a quarter past "
               "three and reached the pair within twenty minutes. Both were wearing buoyancy "
               "aids, were cold but unhurt, and were brought back to the harbour, where "
               "paramedics checked them over.\\n\\nThe Gull Point lifeboat returning to its "
               "station on Tuesday.\\n\\n\"Conditions changed very quickly, as they often do on "
               "this stretch of coast,\" said the station's helmsman, Owen Hughes. \"They did "
               "the right thing by staying together and calling for help as soon as they got "
               "into difficulty.\"\\n\\nThe coastguard urged anyone heading out on the water "
               "this winter to check the forecast, carry a way of calling for help and tell "
               "someone on shore when they expect to return.\n"
               "date=2023-11-14T18:05:00Z\n"
               "date=2023-11-14T18:05:00+00:00\n"
               "author=Maria Lopez\n"
               "author=Tom Reid\n"
               "source=Coastal Courier\n"
               "url=https://www.coastalcourier.example/news/2023/11/"
               "lifeboat-rescue-gull-point?utm_source=rss\n"
               "lang=en-GB\n");
}

BOOST_AUTO_TEST_CASE(context_gives_url_and_fallback_date) {
    const std::string page =
        "<html><body><h1>Ferry delayed</h1>" + kLongParagraph + "</body></html>";
    PageContext context;
    context.url = "https://news.example.org/ferry";
    context.fallback_date = "2023-11-20T10:00:00Z";
    BOOST_TEST(convert(page, context) == "title=Ferry delayed\nbody=" + kLongText +
                                             "\ndate=2023-11-20T10:00:00Z\n"
                                             "source=news.example.org\n"
                                             "url=https://news.example.org/ferry\n");
}

BOOST_AUTO_TEST_CASE(boilerplate_is_removed) {
    // Each piece of furniture sits beside the story; none of it may reach the body.
    const std::vector<std::pair<std::string, std::string>> furniture{
        {"navigation", "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"},
        {"menu by role", "<div role='navigation'><a href='/'>Front page</a></div>"},
        {"comments",
         "<div id='comments'><p>First! Great story about the harbour, thanks.</p>"
         "<p>I disagree with the board entirely, as usual.</p></div>"},
        {"related",
         "<div class='related-articles'><a href='/a'>Ferry fares to rise in "
         "spring</a><a href='/b'>New pontoon opens</a></div>"},
        {"cookie banner",
         "<div class='cookie-notice'>We use cookies to give you the best "
         "experience. <a href='/privacy'>Learn more</a></div>"},
        {"share bar",
         "<div class='share'><a href='/fb'>Facebook</a> <a href='/tw'>Twitter</a> "
         "<a href='/mail'>Email this story</a></div>"},
        {"aside",
         "<aside><p>Most read: Council tax to rise by five per cent next year.</p></aside>"},
        {"footer", "<footer><p>Copyright 2023 Coastal Courier, all rights reserved.</p></footer>"},
        {"script and style",
         "<script>var tracking = 'Harbour board';</script>"
         "<style>p { color: red }</style>"},
        {"hidden", "<div style='display: none'>Subscribe now for full access.</div>"},
        {"newsletter form", "<form class='newsletter'><p>Get our newsletter</p><input></form>"},
    };
    for (const auto& [what, html] : furniture) {
        const std::string before =
            "<html><body>" + html + "<article>" + kLongParagraph + "</article></body></html>";
        const std::string after =
            "<html><body><article>" + kLongParagraph + "</article>" + html + "</body></html>";
        BOOST_TEST(body_of(before) == kLongText, what << " before the story");
        BOOST_TEST(body_of(after) == kLongText, what << " after the story");
    }
}

BOOST_AUTO_TEST_CASE(wrappers_named_for_furniture_are_kept) {
    // Classes that mention comments or cookies on the story's own wrapper do not remove it.
    const std::string page =
        "<html><body><div class='page has-cookie-bar'>"
        "<div class='post has-comments'><h1>Dredging</h1>" +
        kLongParagraph +
        "<div class='comments'><p>Fine by me, as long as the crab grounds "
        "are left alone this time.</p></div></div></div></body></html>";
    BOOST_TEST(body_of(page) == kLongText);
}

BOOST_AUTO_TEST_CASE(short_brief_is_not_traded_for_comments) {
    const std::string page =
        "<html><body><article><h1>Pier closed</h1><p>The pier will stay closed until the "
        "storm damage to its railings is repaired, the council said.</p></article>"
        "<div class='comments'><p>This is the third time this year that the pier has been "
        "closed, and every time the council promises that the repairs will be the last.</p>"
        "<p>When will they finally spend the money on a proper rebuild instead of patching "
        "the railings again and again, at our expense and to nobody's benefit?</p>"
        "<p>My grandfather fished from that pier every day of his life, and it breaks my "
        "heart to see it fenced off, rusting, and forgotten by the people meant to look after "
        "it for all of us in this town.</p></div></body></html>";
    BOOST_TEST(body_of(page) ==
               "The pier will stay closed until the storm damage to its "
               "railings is repaired, the council said.");
}

BOOST_AUTO_TEST_CASE(broken_markup_is_repaired) {
    const std::vector<std::pair<std::string, std::string>> cases{
        // unclosed paragraphs, a stray end tag, unquoted attributes, no <html> or <body>
        {"<title>Tides</title><div class=story><p>High tide at six.<p>Low tide at noon.</div>"
         "</span></div>",
         "High tide at six.\n\nLow tide at noon."},
        // an unclosed inline element running into the next block, entities without ';'
        {"<body><p>Fish &amp chips <b>cost more<p>than last year&nbsp;&mdash; again</body>",
         "Fish & chips cost more\n\nthan last year \xE2\x80\x94 again"},
        // text after </html> and a <br> chain standing in for paragraphs
        {"<html><body><div>Line one<br><br>Line two<br>still two</div></body></html>tail",
         "Line one\n\nLine two\nstill two\n\ntail"},
    };
    for (const auto& [html, expected] : cases) {
        BOOST_TEST(body_of(html) == expected, html);
    }
}

BOOST_AUTO_TEST_CASE(page_without_article_is_skipped) {
    const std::string page =
        "<html><head><title>Coastal Courier</title></head><body>"
        "<nav><a href='/'>Home</a><a href='/news'>News</a><a href='/sport'>Sport</a></nav>"
        "<div class='cookie-banner'>We use cookies. <button>Accept</button></div>"
        "<aside><a href='/most-read'>Most read</a></aside>"
        "<footer>Coastal Courier, 1 Quay Street</footer></body></html>";
    BOOST_TEST(convert(page) ==
               "D page.html: no article text found in the page; page skipped [no article text]\n");
    BOOST_TEST(convert("<html></html>") ==
               "D page.html: no article text found in the page; page skipped [no article text]\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(html_text)

BOOST_AUTO_TEST_CASE(paragraphs_are_rendered) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"<p>One</p><p>Two  <i>and</i>\n three</p>", "One\n\nTwo and three"},
        {"<div>a<div>b</div>c</div>", "a\n\nb\n\nc"},
        {"<p>line<br>next</p>", "line\nnext"},
        {"<ul><li>first</li><li>second</li></ul>", "first\n\nsecond"},
        {"<pre>  x = 1\n\n  y = 2\n</pre>", "  x = 1\n  y = 2"},
        {"<table><tr><td>Tide</td><td>06:12</td></tr><tr><td>Wind</td><td>NW 4</td></tr></table>",
         "Tide | 06:12\n\nWind | NW 4"},
        {"<h2>Heading</h2>text", "Heading\n\ntext"},
        {"<span>a</span><span>b</span>", "ab"},
    };
    for (const auto& [html, expected] : cases) {
        const auto root = html::parse(html);
        BOOST_TEST(html::render_paragraphs(*root) == expected, html);
    }
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_bounded) {
    std::string page = "<html><body>";
    for (int i = 0; i < 20000; ++i) {
        page += "<div>";
    }
    page += kLongParagraph + "</body></html>";
    BOOST_TEST(body_of(page) == kLongText);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(html_reader)

BOOST_AUTO_TEST_CASE(whole_file_is_one_page) {
    HtmlReader reader;
    BOOST_TEST(run(reader, "<title>Tides</title><p>High tide at six.</p>") ==
               "R in id=dir/in | title=Tides | body=High tide at six.\n");
    BOOST_TEST(run(reader, " \n") == "D in: empty file; skipped [empty file]\n");
    BOOST_TEST(run(reader, "<html><body><nav>Home</nav></body></html>") ==
               "D in: no article text found in the page; page skipped [no article text]\n");
    HtmlReader small(30);
    BOOST_TEST(run(small, "<title>Tides</title><p>High tide at six.</p>") ==
               "D in: page larger than 30 bytes; only its first 30 bytes read [file truncated]\n"
               "R in id=dir/in | title=Tides | body=High ti\n");
}

BOOST_AUTO_TEST_CASE(make_reader_and_detection) {
    BOOST_TEST(run(*make_reader(Format::html, CsvOptions{}), "<p>Calm seas.</p>") ==
               "R in id=dir/in | body=Calm seas.\n");
    BOOST_TEST((format_from_name("html") == Format::html));
    BOOST_TEST(format_name(Format::html) == "html");
    const std::optional<Format> html = Format::html;
    const std::vector<std::tuple<std::string, std::string, std::optional<Format>>> cases{
        {"page.html", "", html},
        {"dir/PAGE.HTM.gz", "", html},
        {"page.xhtml", "", html},
        {"saved", "<!DOCTYPE html>\n<html>", html},
        {"saved", "\xEF\xBB\xBF  \n<HTML lang=en>", html},
        {"saved", "<!-- saved from url=(0042) -->\n<html>", html},
        {"saved", "<head><title>x</title>", html},
        {"saved", "<meta charset=\"utf-8\">", html},
        {"notes.txt", "<html>", Format::text},
    };
    for (const auto& [name, head, expected] : cases) {
        BOOST_TEST((detect_format(name, head) == expected), name << " " << head);
    }
    // Markup that is not a page's start is left to the other formats.
    for (const std::string head :
         {"<headline>Not a page</headline>", "<html-export>", "<!-- note --> plain text"}) {
        BOOST_TEST((detect_format("saved", head) != html), head);
    }
}

BOOST_AUTO_TEST_SUITE_END()
