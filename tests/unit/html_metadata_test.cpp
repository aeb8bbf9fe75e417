#define BOOST_TEST_MODULE html_metadata
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "common/html/authors.h"
#include "common/html/dom.h"
#include "common/html/json_ld.h"
#include "common/html/metadata.h"
#include "common/html/title.h"
#include "common/readers/html.h"

using namespace morgue;

namespace {

html::PageMetadata metadata(const std::string& head, const std::string& body = "",
                            const std::string& url = "") {
    const auto root =
        html::parse("<html><head>" + head + "</head><body>" + body + "</body></html>");
    return html::read_metadata(*root, url);
}

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& value : values) {
        out += (out.empty() ? "" : "|") + value;
    }
    return out;
}

std::string ld(const std::string& json) {
    return "<script type=\"application/ld+json\">" + json + "</script>";
}

// The JSON-LD article of one block as "headline;date;authors;publisher;language;url".
std::string article_of(const std::vector<std::string>& blocks) {
    const std::optional<html::JsonLdArticle> a = html::find_json_ld_article(blocks);
    if (!a) {
        return "(none)";
    }
    return a->headline + ";" + a->date_published + ";" + joined(a->authors) + ";" + a->publisher +
           ";" + a->language + ";" + a->url;
}

// The date values of the record made from a page.
std::string dates_of(const std::string& head, const std::string& body = "") {
    const std::string page = "<html><head>" + head + "</head><body>" + body +
                             "<p>The ferry timetable for the winter months was published on "
                             "the harbour office website.</p></body></html>";
    const auto record = html_to_record(page, {}, Origin{"p.html", 0}, [](const Diagnostic&) {});
    std::vector<std::string> dates;
    for (const auto& [key, value] : record->fields) {
        if (key == "date") {
            dates.push_back(value);
        }
    }
    return joined(dates);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_ld)

BOOST_AUTO_TEST_CASE(article_is_found_in_every_shape) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{R"({"@context":"https://schema.org","@type":"NewsArticle","headline":"Storm",
             "datePublished":"2023-01-02","author":{"@type":"Person","name":"Ann Lee"},
             "publisher":{"@type":"Organization","name":"Courier"},"inLanguage":"en"})"},
         "Storm;2023-01-02;Ann Lee;Courier;en;"},
        // a top-level array, the article after a WebSite
        {{R"([{"@type":"WebSite","name":"Courier"},{"@type":"ReportageNewsArticle",
              "headline":"Flood","author":["Ann Lee","Bo Chan"],"publisher":"Courier"}])"},
         "Flood;;Ann Lee|Bo Chan;Courier;;"},
        // @graph, @type as an array, inLanguage as an object, mainEntityOfPage as the url
        {{R"({"@graph":[{"@type":"Organization","name":"Courier"},
              {"@type":["Article","NewsArticle"],"headline":"Tide","dateCreated":"2023-03-04",
               "author":[{"name":"Ann Lee"},{"name":"Bo Chan"},{"name":"Ann Lee"}],
               "inLanguage":{"@type":"Language","name":"de"},
               "mainEntityOfPage":{"@id":"https://c.example/tide"}}]})"},
         "Tide;2023-03-04;Ann Lee|Bo Chan;;de;https://c.example/tide"},
        // nested below a WebPage, type written as an IRI
        {{R"({"@type":"WebPage","mainEntity":{"@type":"http://schema.org/BlogPosting",
              "headline":"Gulls","url":"https://c.example/gulls"}})"},
         "Gulls;;;;;https://c.example/gulls"},
        // a CDATA wrapper, a raw line break inside a string, an entity left encoded
        {{"<![CDATA[\n{\"@type\":\"NewsArticle\",\"headline\":\"Fish &amp; chips\nprices\"}\n]]>"},
         "Fish & chips prices;;;;;"},
        // an invalid block is skipped, the next one read
        {{R"({"@type":"NewsArticle","headline":"Broken",})",
          R"({"@type":"NewsArticle","headline":"Whole"})"},
         "Whole;;;;;"},
        // no article type at all
        {{R"({"@type":"Organization","name":"Courier"})", R"({"@type":"BreadcrumbList"})"},
         "(none)"},
        {{"not json"}, "(none)"},
    };
    for (const auto& [blocks, expected] : cases) {
        BOOST_TEST(article_of(blocks) == expected, blocks.front());
    }
}

BOOST_AUTO_TEST_CASE(article_types) {
    for (const char* type : {"Article", "NewsArticle", "ReportageNewsArticle", "BlogPosting",
                             "schema:NewsArticle", "https://schema.org/OpinionNewsArticle"}) {
        BOOST_TEST(html::is_article_type(type), type);
    }
    for (const char* type : {"WebPage", "Organization", "Person", "", "article"}) {
        BOOST_TEST(!html::is_article_type(type), type);
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(meta_tags)

BOOST_AUTO_TEST_CASE(sources_in_order_of_trust) {
    const std::string og = R"(<meta property="og:title" content="OG title">
        <meta property="og:site_name" content="Coastal Courier">
        <meta property="og:url" content="https://courier.example/a">
        <meta property="article:published_time" content="2023-05-06T07:08:09+01:00">
        <meta property="article:author" content="https://facebook.example/ann">
        <meta name="author" content="By Ann Lee and Bo Chan">
        <title>Title tag | Coastal Courier</title>)";
    html::PageMetadata m = metadata(og, "", "https://courier.example/a?utm_source=x");
    BOOST_TEST(m.title == "OG title");
    BOOST_TEST(m.site_name == "Coastal Courier");
    BOOST_TEST(m.url == "https://courier.example/a");
    BOOST_TEST(joined(m.dates) == "2023-05-06T07:08:09+01:00");
    BOOST_TEST(joined(m.authors) == "Ann Lee|Bo Chan");

    // JSON-LD outranks Open Graph.
    m = metadata(og + ld(R"({"@type":"NewsArticle","headline":"LD headline",
        "datePublished":"2023-05-06","author":{"name":"Cy Diaz"},
        "publisher":{"name":"Courier"}})"));
    BOOST_TEST(m.title == "LD headline");
    BOOST_TEST(m.site_name == "Courier");
    BOOST_TEST(joined(m.dates) == "2023-05-06|2023-05-06T07:08:09+01:00");
    BOOST_TEST(joined(m.authors) == "Cy Diaz");

    // Without either, the <title> without its site suffix, and the other meta spellings.
    m = metadata(R"(<title>Pier closed - Coastal Courier</title>
        <meta name="parsely-pub-date" content="2023-07-01T10:00:00Z">
        <meta name="byl" content="By ANN LEE">
        <meta name="twitter:site" content="@courier">
        <meta http-equiv="content-language" content="cy">)",
                 "", "https://www.coastalcourier.example/pier");
    BOOST_TEST(m.title == "Pier closed");
    BOOST_TEST(m.site_name == "");
    BOOST_TEST(joined(m.dates) == "2023-07-01T10:00:00Z");
    BOOST_TEST(joined(m.authors) == "ANN LEE");
    BOOST_TEST(m.lang == "cy");
}

BOOST_AUTO_TEST_CASE(dublin_core_and_space_separated_properties) {
    const html::PageMetadata m = metadata(R"(<meta property="og:title twitter:title" content="OG">
        <meta property="x:title dc:title" content="DC title">
        <meta name="DC.creator" content="Ann Lee">
        <meta name="author" content="Web Desk">)");
    BOOST_TEST(m.title == "DC title");
    BOOST_TEST(joined(m.authors) == "Ann Lee");
}

BOOST_AUTO_TEST_CASE(json_ld_name_or_headline) {
    // Some sites put their own name in "name": the one agreeing with <title> is the headline.
    html::PageMetadata m = metadata(
        "<title>Harbour reopens after storm | Courier</title>" +
        ld(R"({"@type":"NewsArticle","name":"Courier","headline":"Harbour reopens after storm"})"));
    BOOST_TEST(m.title == "Harbour reopens after storm");
    m = metadata(
        "<title>List of lighthouses - Wiki</title>" +
        ld(R"({"@type":"Article","name":"List of lighthouses","headline":"list article"})"));
    BOOST_TEST(m.title == "List of lighthouses");
}

BOOST_AUTO_TEST_CASE(time_elements_language_and_canonical) {
    html::PageMetadata m =
        metadata("<link rel=\"canonical\" href=\"/news/pier\">",
                 "<time datetime=\"2023-01-01\">related</time>"
                 "<span itemprop=\"datePublished\">Yesterday, 12:55 AM</span>"
                 "<span itemprop=\"datePublished\" content=\"2023-02-03T04:05:06Z\">3 Feb</span>",
                 "https://courier.example/x/y?z");
    BOOST_TEST(joined(m.dates) == "2023-02-03T04:05:06Z|2023-01-01");
    BOOST_TEST(m.url == "https://courier.example/news/pier");
    m = metadata("<meta property=\"og:locale\" content=\"pt_BR\">");
    BOOST_TEST(m.lang == "pt-BR");
    const auto root =
        html::parse("<html lang=\"de\"><head>" +
                    ld(R"({"@type":"NewsArticle","inLanguage":"fr"})") + "</head></html>");
    BOOST_TEST(html::read_metadata(*root, "").lang == "fr");
    const auto plain = html::parse("<html lang=\"de\"></html>");
    BOOST_TEST(html::read_metadata(*plain, "").lang == "de");
}

BOOST_AUTO_TEST_CASE(dates_agree_or_fall_back) {
    // Less trusted dates refine the most trusted one but never move it.
    BOOST_TEST(dates_of(ld(R"({"@type":"NewsArticle","datePublished":"2023-04-05"})") +
                            "<meta property=\"article:published_time\" "
                            "content=\"2023-04-05T21:30:00-04:00\">",
                        "<time datetime=\"2021-01-01T00:00:00Z\">old story</time>") ==
               "2023-04-05|2023-04-05T21:30:00-04:00");
    // A modification date only when nothing says when the story was published.
    BOOST_TEST(dates_of("<meta property=\"article:modified_time\" content=\"2023-06-07\">") ==
               "2023-06-07");
    BOOST_TEST(dates_of(ld(R"({"@type":"NewsArticle","datePublished":"2023-04-05",
                               "dateModified":"2023-06-07"})")) == "2023-04-05");
    // An unreadable published date gives way to a readable modification date ...
    BOOST_TEST(dates_of("<meta name=\"pubdate\" content=\"last Tuesday\">"
                        "<meta property=\"article:modified_time\" content=\"2023-06-07\">") ==
               "2023-06-07");
    // ... and with nothing readable the first value is passed on, for the pipeline to report.
    BOOST_TEST(dates_of("<meta name=\"pubdate\" content=\"last Tuesday\">") == "last Tuesday");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(titles_and_bylines)

BOOST_AUTO_TEST_CASE(title_suffix_is_stripped_when_it_names_the_site) {
    // title, site name, host -> headline
    const std::vector<std::tuple<std::string, std::string, std::string, std::string>> cases{
        {"Pier closed | Coastal Courier", "Coastal Courier", "", "Pier closed"},
        {"Pier closed - The Coastal Courier", "Coastal Courier", "", "Pier closed"},
        {"Coastal Courier \xE2\x80\x94 Pier closed", "Coastal Courier", "", "Pier closed"},
        {"Pier closed \xC2\xB7 NBC News", "", "www.nbcnews.com", "Pier closed"},
        {"Pier closed | News | courier.co.uk", "", "courier.co.uk", "Pier closed | News"},
        {"Pier closed | Weather desk", "Coastal Courier", "", "Pier closed | Weather desk"},
        {"Pier closed - again", "", "", "Pier closed - again"},
        {"Coastal Courier", "Coastal Courier", "", "Coastal Courier"},
        {"Well-known e-mail scam returns", "Courier", "", "Well-known e-mail scam returns"},
        {"\xE6\xB8\xAF\xE5\x8F\xA3_\xE6\x96\xB0\xE9\x97\xBB_\xE5\xB1\xB1\xE4\xB8\x9C\xE7\xBD\x91",
         "\xE5\xB1\xB1\xE4\xB8\x9C\xE7\xBD\x91", "",
         "\xE6\xB8\xAF\xE5\x8F\xA3_\xE6\x96\xB0\xE9\x97\xBB"},
    };
    for (const auto& [title, site, host, expected] : cases) {
        BOOST_TEST(html::headline_from_title(title, site, host) == expected, title);
    }
}

BOOST_AUTO_TEST_CASE(bylines_become_names) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"By Ann Lee", "Ann Lee"},
        {"by ann lee and Bo Chan", "ann lee|Bo Chan"},
        {"BY: JOE WEE", "JOE WEE"},
        {"Written by Ann Lee & Bo Chan", "Ann Lee|Bo Chan"},
        {"Stella Kim, Jennifer Jett", "Stella Kim|Jennifer Jett"},
        {"Doe, John", "Doe, John"},
        {"Par S\xC3\xA9"
         "bastien Farcis",
         "S\xC3\xA9"
         "bastien Farcis"},
        {"Von Anna Schmidt und Jan Berg", "Anna Schmidt|Jan Berg"},
        {"Bradley M. Kuhn (http://ebb.org/bkuhn/)", "Bradley M. Kuhn"},
        {"https://www.facebook.com/ann", ""},
        {"ann@courier.example", ""},
        {"Ann Lee; Ann Lee", "Ann Lee"},
        {"", ""},
        {std::string(120, 'x'), ""},
    };
    for (const auto& [byline, expected] : cases) {
        BOOST_TEST(joined(html::split_byline(byline)) == expected, byline);
    }
}

BOOST_AUTO_TEST_CASE(urls_are_resolved) {
    const std::vector<std::tuple<std::string, std::string, std::string>> cases{
        {"https://a.example/x", "https://b.example/", "https://a.example/x"},
        {"/news/1", "https://c.example/a/b?q", "https://c.example/news/1"},
        {"//cdn.example/p", "http://c.example/", "http://cdn.example/p"},
        {"story.html", "https://c.example/news/today/index.html",
         "https://c.example/news/today/story.html"},
        {"?page=2", "https://c.example/news?page=1", "https://c.example/news?page=2"},
        {"mailto:desk@c.example", "https://c.example/", ""},
        {"/news/1", "", ""},
        {"", "https://c.example/", ""},
    };
    for (const auto& [href, base, expected] : cases) {
        BOOST_TEST(html::resolve_url(href, base) == expected, href << " on " << base);
    }
}

BOOST_AUTO_TEST_SUITE_END()
