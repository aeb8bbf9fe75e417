#define BOOST_TEST_MODULE output
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/output/article_json.h"
#include "common/output/formatter.h"
#include "common/output/json_writer.h"

using namespace morgue;

namespace {

constexpr std::int64_t k2022_02_21 = 1645401600;
constexpr std::int64_t k2022_02_01 = 1643673600;

/// Two hits: a dated one with HTML-special characters, an undated one with non-ASCII text,
/// a tab in its title and a line break in its snippet.
SearchResults sample_results() {
    SearchResults results;
    results.query_text = "putin date:2022-02..";
    results.parsed = "Query(putin)";
    results.date_from = k2022_02_01;
    results.total_estimate = 412;
    results.total_exact = false;
    results.warnings = {"unbalanced quote; read leniently"};

    Hit first;
    first.rank = 1;
    first.id = "nbc-1";
    first.score = 12.83;
    first.title = "Putin \"warns\" West";
    first.source = "nbcnews.com";
    first.date = k2022_02_21;
    first.url = "https://www.nbcnews.com/a?x=1&y=2";
    first.lang = "en";
    first.authors = {"Jane Doe", "John Roe"};
    first.snippet = "President \x01Putin\x02 said <no> & more";

    Hit second;
    second.rank = 2;
    second.id = "reut-7";
    second.score = 3.5;
    second.title = "Zürich, \"quoted\"\tnews";
    second.source = "reuters";
    second.snippet = "Zürich: \x01Müller\x02 met 中文 \x01Putin\x02.\nEnd";

    results.hits = {first, second};
    return results;
}

std::string format(OutputFormat format, const SearchResults& results,
                   OutputOptions options = {}) {
    std::ostringstream out;
    make_formatter(format, options)->write(results, out);
    return out.str();
}

std::string json_string(std::string_view value) {
    std::ostringstream out;
    JsonWriter(out).string(value);
    return out.str();
}

std::string repeat(std::string_view word, std::size_t count, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        out += i == 0 ? "" : separator;
        out += word;
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(output)

BOOST_AUTO_TEST_CASE(names) {
    BOOST_TEST((output_format_from_name("text") == OutputFormat::text));
    BOOST_TEST((output_format_from_name("json") == OutputFormat::json));
    BOOST_TEST((output_format_from_name("jsonl") == OutputFormat::jsonl));
    BOOST_TEST((output_format_from_name("csv") == OutputFormat::csv));
    BOOST_TEST((output_format_from_name("tsv") == OutputFormat::tsv));
    BOOST_TEST((output_format_from_name("ids") == OutputFormat::ids));
    BOOST_TEST(!output_format_from_name("JSON").has_value());
    BOOST_TEST(!output_format_from_name("").has_value());
    BOOST_TEST((highlight_from_name("none") == Highlight::none));
    BOOST_TEST((highlight_from_name("html") == Highlight::html));
    BOOST_TEST((highlight_from_name("ansi") == Highlight::ansi));
    BOOST_TEST(!highlight_from_name("bold").has_value());
}

BOOST_AUTO_TEST_CASE(render_snippet_table) {
    struct Row {
        std::string snippet;
        Highlight highlight;
        std::string expected;
    };
    const std::vector<Row> rows = {
        {"a \x01<b>\x02 & \"c\"", Highlight::none, "a <b> & \"c\""},
        {"a \x01<b>\x02 & \"c\"", Highlight::html, "a <b>&lt;b&gt;</b> &amp; &quot;c&quot;"},
        {"a \x01" "b\x02 c", Highlight::ansi, "a \x1b[1;7mb\x1b[0m c"},
        {"no markers", Highlight::html, "no markers"},
        {"", Highlight::html, ""},
        // An unclosed match runs to the end; stray and nested markers vanish; empty matches too.
        {"x \x01open", Highlight::html, "x <b>open</b>"},
        {"a\x02 b \x01" "c\x01" "d\x02 e", Highlight::html, "a b <b>cd</b> e"},
        {"a\x01\x02" "b", Highlight::html, "ab"},
        {"Zürich \x01" "中文\x02", Highlight::ansi, "Zürich \x1b[1;7m中文\x1b[0m"},
    };
    for (const Row& row : rows) {
        BOOST_TEST(render_snippet(row.snippet, row.highlight) == row.expected);
    }
}

BOOST_AUTO_TEST_CASE(json_string_escaping) {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"plain", R"("plain")"},
        {"say \"hi\"", R"("say \"hi\"")"},
        {"back\\slash", R"("back\\slash")"},
        {"\b\f\n\r\t", R"("\b\f\n\r\t")"},
        {std::string("nul\0x", 5), R"("nul\u0000x")"},
        {"\x01\x1f\x1b", R"("\u0001\u001f\u001b")"},
        {"del\x7f/", "\"del\x7f/\""},
        {"é中😀", "\"é中😀\""},
        {"bad\xff" "byte", "\"bad\xEF\xBF\xBD" "byte\""},
        // A truncated sequence is one replacement (its maximal subpart).
        {"cut\xe2\x82", "\"cut\xEF\xBF\xBD\""},
        {"\xe2\x82" "x", "\"\xEF\xBF\xBDx\""},
        // Overlong forms and surrogates are invalid byte by byte.
        {"\xc0\xaf", "\"\xEF\xBF\xBD\xEF\xBF\xBD\""},
        {"\xed\xa0\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},
        {"\xf4\x90\x80\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},
        {"\xf0\x9f\x98", "\"\xEF\xBF\xBD\""},
    };
    for (const auto& [input, expected] : rows) {
        BOOST_TEST(json_string(input) == expected);
    }
}

BOOST_AUTO_TEST_CASE(json_numbers) {
    const std::vector<std::pair<double, std::string>> rows = {
        {12.83, "12.83"},     {0.1 + 0.2, "0.3"},   {3.0, "3"},
        {1e6, "1e+06"},       {1234567.0, "1.23457e+06"}, {0.0001, "0.0001"},
        {0.00001, "1e-05"},   {-2.5, "-2.5"},
    };
    for (const auto& [value, expected] : rows) {
        BOOST_TEST(format_double(value) == expected);
        std::ostringstream out;
        JsonWriter(out).number(value);
        BOOST_TEST(out.str() == expected);
    }
    BOOST_TEST(format_double(std::nan("")).empty());
    std::ostringstream out;
    JsonWriter json(out);
    json.begin_array();
    json.number(std::numeric_limits<double>::infinity());
    json.number(-7);
    json.number(std::numeric_limits<std::uint64_t>::max());
    json.number(std::size_t{0});
    json.boolean(true);
    json.null();
    json.end_array();
    BOOST_TEST(out.str() == "[null,-7,18446744073709551615,0,true,null]");
}

BOOST_AUTO_TEST_CASE(json_writer_structure) {
    std::ostringstream out;
    JsonWriter json(out);
    json.begin_object();
    json.key("a");
    json.begin_array();
    json.begin_object();
    json.end_object();
    json.begin_array();
    json.end_array();
    json.string("x");
    json.end_array();
    json.key("b\"");
    json.strings({"p", "q"});
    json.key("c");
    json.string_or_null("");
    json.key("d");
    json.string_or_null("v");
    json.end_object();
    BOOST_TEST(out.str() == R"({"a":[{},[],"x"],"b\"":["p","q"],"c":null,"d":"v"})");
}

BOOST_AUTO_TEST_CASE(json_writer_misuse_throws) {
    std::ostringstream out;
    JsonWriter top(out);
    BOOST_CHECK_THROW(top.key("k"), std::logic_error);
    BOOST_CHECK_THROW(top.end_object(), std::logic_error);
    JsonWriter object(out);
    object.begin_object();
    BOOST_CHECK_THROW(object.string("value without key"), std::logic_error);
    BOOST_CHECK_THROW(object.end_array(), std::logic_error);
    object.key("k");
    BOOST_CHECK_THROW(object.key("k2"), std::logic_error);
    BOOST_CHECK_THROW(object.end_object(), std::logic_error);
}

BOOST_AUTO_TEST_CASE(utf8_helpers) {
    BOOST_TEST(to_valid_utf8("ok é") == "ok é");
    BOOST_TEST(to_valid_utf8("a\x80z") == "a\xEF\xBF\xBDz");
    BOOST_TEST(count_code_points("Zürich 中文😀") == 10u);
    BOOST_TEST(count_code_points("") == 0u);
}

BOOST_AUTO_TEST_CASE(json_document) {
    const std::string expected =
        R"-({"format_version":1,"query":{"text":"putin date:2022-02..","parsed":"Query(putin)",)-"
        R"("date_from":"2022-02-01T00:00:00Z","date_to":null},)"
        R"("total":{"estimate":412,"exact":false},"offset":0,"sort":"relevance","results":[)"
        R"({"rank":1,"id":"nbc-1","score":12.83,"title":"Putin \"warns\" West",)"
        R"("source":"nbcnews.com","date":"2022-02-21T00:00:00Z",)"
        R"("url":"https://www.nbcnews.com/a?x=1&y=2","lang":"en",)"
        R"("authors":["Jane Doe","John Roe"],"topics":[],"tags":[],"entities":{"person":[],"org":[],"place":[]},"snippet":"President Putin said <no> & more",)"
        R"("highlights":[[10,5]]},)"
        R"({"rank":2,"id":"reut-7","score":3.5,"title":"Zürich, \"quoted\"\tnews",)"
        R"("source":"reuters","date":null,"url":null,"lang":null,"authors":[],)"
        R"("topics":[],"tags":[],"entities":{"person":[],"org":[],"place":[]},)"
        R"("snippet":"Zürich: Müller met 中文 Putin.\nEnd","highlights":[[8,6],[22,5]]}],)"
        R"("warnings":["unbalanced quote; read leniently"]})"
        "\n";
    BOOST_TEST(format(OutputFormat::json, sample_results()) == expected);
}

BOOST_AUTO_TEST_CASE(json_html_snippet_keeps_plain_offsets) {
    SearchResults results = sample_results();
    results.hits.resize(1);
    const std::string out = format(OutputFormat::json, results, {Highlight::html, false, {}});
    BOOST_TEST(out.find(R"("snippet":"President <b>Putin</b> said &lt;no&gt; &amp; more",)"
                        R"("highlights":[[10,5]])") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_highlights_count_replaced_bytes) {
    SearchResults results;
    results.sort = SortOrder::newest;
    results.total_estimate = 1;
    results.total_exact = true;
    results.offset = 5;
    Hit hit;
    hit.rank = 6;
    hit.id = "x";
    hit.snippet = "a\xff\xfe \x01" "b\x02";  // each invalid byte is one U+FFFD
    results.hits = {hit};
    const std::string expected =
        R"({"format_version":1,"query":{"text":"","parsed":"","date_from":null,"date_to":null},)"
        R"("total":{"estimate":1,"exact":true},"offset":5,"sort":"newest","results":[)"
        R"({"rank":6,"id":"x","score":null,"title":"","source":"","date":null,"url":null,)"
        R"("lang":null,"authors":[],"topics":[],"tags":[],"entities":{"person":[],"org":[],"place":[]},"snippet":"a)" "\xEF\xBF\xBD\xEF\xBF\xBD" R"( b",)"
        R"("highlights":[[4,1]]}],"warnings":[]})"
        "\n";
    BOOST_TEST(format(OutputFormat::json, results) == expected);
}

BOOST_AUTO_TEST_CASE(json_empty_results) {
    SearchResults results;
    results.query_text = "nothing";
    results.sort = SortOrder::oldest;
    results.total_exact = true;
    const std::string expected =
        R"({"format_version":1,"query":{"text":"nothing","parsed":"","date_from":null,)"
        R"("date_to":null},"total":{"estimate":0,"exact":true},"offset":0,"sort":"oldest",)"
        R"("results":[],"warnings":[]})"
        "\n";
    BOOST_TEST(format(OutputFormat::json, results) == expected);
}

BOOST_AUTO_TEST_CASE(jsonl_lines) {
    SearchResults results = sample_results();
    results.sort = SortOrder::newest;
    const std::string expected =
        R"({"format_version":1,"rank":1,"id":"nbc-1","score":null,"title":"Putin \"warns\" West",)"
        R"("source":"nbcnews.com","date":"2022-02-21T00:00:00Z",)"
        R"("url":"https://www.nbcnews.com/a?x=1&y=2","lang":"en",)"
        R"("authors":["Jane Doe","John Roe"],"topics":[],"tags":[],"entities":{"person":[],"org":[],"place":[]},"snippet":"President Putin said <no> & more",)"
        R"("highlights":[[10,5]]})"
        "\n"
        R"({"format_version":1,"rank":2,"id":"reut-7","score":null,)"
        R"("title":"Zürich, \"quoted\"\tnews","source":"reuters","date":null,"url":null,)"
        R"("lang":null,"authors":[],"topics":[],"tags":[],"entities":{"person":[],"org":[],"place":[]},"snippet":"Zürich: Müller met 中文 Putin.\nEnd",)"
        R"("highlights":[[8,6],[22,5]]})"
        "\n";
    BOOST_TEST(format(OutputFormat::jsonl, results) == expected);
    BOOST_TEST(format(OutputFormat::jsonl, SearchResults{}).empty());
}

BOOST_AUTO_TEST_CASE(csv_quoting) {
    const std::string expected =
        "rank,id,score,date,source,title,url,lang,authors,snippet\n"
        "1,nbc-1,12.83,2022-02-21T00:00:00Z,nbcnews.com,\"Putin \"\"warns\"\" West\","
        "https://www.nbcnews.com/a?x=1&y=2,en,Jane Doe; John Roe,"
        "President Putin said <no> & more\n"
        "2,reut-7,3.5,,reuters,\"Zürich, \"\"quoted\"\"\tnews\",,,,"
        "\"Zürich: Müller met 中文 Putin.\nEnd\"\n";
    BOOST_TEST(format(OutputFormat::csv, sample_results()) == expected);
}

BOOST_AUTO_TEST_CASE(csv_without_scores_and_hits) {
    SearchResults results = sample_results();
    results.sort = SortOrder::oldest;
    results.hits.resize(1);
    results.hits[0].snippet = "a\rb";
    const std::string expected =
        "rank,id,score,date,source,title,url,lang,authors,snippet\n"
        "1,nbc-1,,2022-02-21T00:00:00Z,nbcnews.com,\"Putin \"\"warns\"\" West\","
        "https://www.nbcnews.com/a?x=1&y=2,en,Jane Doe; John Roe,\"a\rb\"\n";
    BOOST_TEST(format(OutputFormat::csv, results) == expected);
    BOOST_TEST(format(OutputFormat::csv, SearchResults{}) ==
               "rank,id,score,date,source,title,url,lang,authors,snippet\n");
}

BOOST_AUTO_TEST_CASE(tsv_flattens_tabs_and_newlines) {
    SearchResults results = sample_results();
    results.hits[1].authors = {"A\tB", "C\r\nD"};
    const std::string expected =
        "rank\tid\tscore\tdate\tsource\ttitle\turl\tlang\tauthors\tsnippet\n"
        "1\tnbc-1\t12.83\t2022-02-21T00:00:00Z\tnbcnews.com\tPutin \"warns\" West\t"
        "https://www.nbcnews.com/a?x=1&y=2\ten\tJane Doe; John Roe\t"
        "President Putin said <no> & more\n"
        "2\treut-7\t3.5\t\treuters\tZürich, \"quoted\" news\t\t\tA B; C  D\t"
        "Zürich: Müller met 中文 Putin. End\n";
    BOOST_TEST(format(OutputFormat::tsv, results) == expected);
}

BOOST_AUTO_TEST_CASE(ids_one_per_line) {
    BOOST_TEST(format(OutputFormat::ids, sample_results()) == "nbc-1\nreut-7\n");
    BOOST_TEST(format(OutputFormat::ids, SearchResults{}).empty());
}

BOOST_AUTO_TEST_CASE(text_plain) {
    const std::string expected =
        "About 412 results, showing 1-2\n"
        "\n"
        "1. Putin \"warns\" West\n"
        "    2022-02-21 · nbcnews.com · https://www.nbcnews.com/a?x=1&y=2\n"
        "    President Putin said <no> & more\n"
        "\n"
        "2. Zürich, \"quoted\" news\n"
        "    undated · reuters · reut-7\n"
        "    Zürich: Müller met 中文 Putin. End\n";
    BOOST_TEST(format(OutputFormat::text, sample_results()) == expected);
}

BOOST_AUTO_TEST_CASE(text_color) {
    SearchResults results = sample_results();
    results.hits.resize(1);
    results.total_estimate = 1;
    results.total_exact = true;
    results.hits[0].snippet = "\x01" "Emmanuel Macron\x02 and \x01Putin\x02";
    const std::string expected =
        "1 result\n"
        "\n"
        "1. \x1b[1mPutin \"warns\" West\x1b[0m\n"
        "    \x1b[2m2022-02-21 · nbcnews.com · https://www.nbcnews.com/a?x=1&y=2\x1b[0m\n"
        "    \x1b[1;7mEmmanuel Macron\x1b[0m and \x1b[1;7mPutin\x1b[0m\n";
    BOOST_TEST(format(OutputFormat::text, results, {Highlight::none, true, {}}) == expected);

    // --highlight ansi without colour: matches only.
    const std::string matches_only =
        "1 result\n"
        "\n"
        "1. Putin \"warns\" West\n"
        "    2022-02-21 · nbcnews.com · https://www.nbcnews.com/a?x=1&y=2\n"
        "    \x1b[1;7mEmmanuel Macron\x1b[0m and \x1b[1;7mPutin\x1b[0m\n";
    BOOST_TEST(format(OutputFormat::text, results, {Highlight::ansi, false, {}}) == matches_only);
}

BOOST_AUTO_TEST_CASE(text_counts) {
    BOOST_TEST(format(OutputFormat::text, SearchResults{}) == "No results.\n");
    SearchResults past_end;
    past_end.total_estimate = 5;
    past_end.total_exact = true;
    past_end.offset = 10;
    BOOST_TEST(format(OutputFormat::text, past_end) == "5 results, none at offset 10.\n");
}

BOOST_AUTO_TEST_CASE(text_untitled_and_control_characters) {
    SearchResults results;
    results.total_estimate = 30;
    results.total_exact = true;
    results.offset = 20;
    Hit hit;
    hit.rank = 21;
    hit.id = "id-21";
    hit.date = k2022_02_21 + 86399;
    hit.snippet = "red\x1b[31m alert\xc2\x9b" "end\x9b";
    results.hits = {hit};
    const std::string expected =
        "30 results, showing 21-21\n"
        "\n"
        "21. (untitled)\n"
        "    2022-02-21 · id-21\n"
        "    red [31m alert end\xEF\xBF\xBD\n";
    BOOST_TEST(format(OutputFormat::text, results) == expected);
}

BOOST_AUTO_TEST_CASE(text_wraps_snippets) {
    SearchResults results;
    results.total_estimate = 1;
    results.total_exact = true;
    Hit hit;
    hit.rank = 1;
    hit.id = "w";
    // Nine 9-letter words fill 89 of the 96 columns after the indent; a tenth would need 99.
    // A word wider than a line starts a new line and is broken where the line is full; the
    // CJK run counts two columns a character.
    const std::string word = "abcdefghi";
    hit.snippet = repeat(word, 8, " ") + "  " + word + " \x01" + word + " " + word + "\x02 " +
                  std::string(120, 'x') + " " + repeat("中", 60, "");
    results.hits = {hit};
    const std::string out = format(OutputFormat::text, results, {Highlight::ansi, false, {}});
    const std::string expected_snippet =
        "    " + repeat(word, 9, " ") + "\n" +
        "    \x1b[1;7m" + word + " " + word + "\x1b[0m\n" +
        "    " + std::string(96, 'x') + "\n" +
        "    " + std::string(24, 'x') + "\n" +
        "    " + repeat("中", 48, "") + "\n" +
        "    " + repeat("中", 12, "") + "\n";
    const std::string head = "1 result\n\n1. (untitled)\n    undated · w\n";
    BOOST_TEST(out == head + expected_snippet);
}

BOOST_AUTO_TEST_CASE(article_json_line) {
    Article article;
    article.id = "reuters-17";
    article.title = "Cocoa \"prices\"";
    article.source = "reuters";
    article.url = "https://r.example/x";
    article.authors = {"A B"};
    article.date = k2022_02_21;
    article.lang = "en";
    article.origin = {"dump.jsonl", 1742};
    // 199 ASCII bytes then "é": a cut at 200 bytes would split the é, so it stops at 199.
    article.body = std::string(199, 'a') + "éz";
    std::ostringstream out;
    write_article_json(article, out);
    const std::string expected =
        R"({"format_version":1,"id":"reuters-17","title":"Cocoa \"prices\"","source":"reuters",)"
        R"("date":"2022-02-21T00:00:00Z","lang":"en","url":"https://r.example/x",)"
        R"("authors":["A B"],"topics":[],"tags":[],"entities":{"person":[],"org":[],"place":[]},"origin":"dump.jsonl:1742","body_length":202,"body_start":")" +
        std::string(199, 'a') + "\"}\n";
    BOOST_TEST(out.str() == expected);
}

BOOST_AUTO_TEST_CASE(article_json_undated_short_body) {
    Article article;
    article.id = "notes/a.txt";
    article.body = "Short\tbody \x01";
    article.origin = {"notes/a.txt", 0};
    std::ostringstream out;
    write_article_json(article, out);
    const std::string expected =
        R"({"format_version":1,"id":"notes/a.txt","title":"","source":"","date":null,)"
        R"("lang":null,"url":null,"authors":[],)"
        R"("topics":[],"tags":[],"entities":{"person":[],"org":[],"place":[]},"origin":"notes/a.txt","body_length":12,)"
        R"("body_start":"Short\tbody \u0001"})"
        "\n";
    BOOST_TEST(out.str() == expected);

    // Exactly 200 bytes ending in a complete two-byte character is kept whole.
    article.body = std::string(198, 'b') + "é";
    std::ostringstream whole;
    write_article_json(article, whole);
    BOOST_TEST(whole.str().find("\"body_length\":200,\"body_start\":\"" + std::string(198, 'b') +
                                "é\"}") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(fields)

BOOST_AUTO_TEST_CASE(chosen_columns_in_order) {
    SearchResults results;
    Hit hit;
    hit.rank = 1;
    hit.id = "a,1";
    hit.title = "Talks";
    hit.entities = {Entity{EntityType::person, "Vladimir Putin", {}},
                    Entity{EntityType::location, "Ukraine", {}},
                    Entity{EntityType::person, "Joe Biden", {}}};
    hit.copies = Hit::Copies{{"b", "c"}, {"reuters"}};
    results.hits = {hit};
    std::string error;
    auto fields = parse_field_list("id,people,places,copies,title", &error);
    BOOST_TEST_REQUIRE(fields.has_value());
    OutputOptions options;
    options.fields = *fields;
    std::ostringstream out;
    make_formatter(OutputFormat::csv, options)->write(results, out);
    BOOST_TEST(out.str() == "id,people,places,copies,title\n"
                            "\"a,1\",Vladimir Putin; Joe Biden,Ukraine,2,Talks\n");
    BOOST_TEST(!parse_field_list("id,colour", &error).has_value());
    BOOST_TEST(error.find("'colour' is not a column") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
