// morgue-search: ranked search over a morgue database, for people and for scripts.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "common/errors.h"
#include "common/searcher.h"

namespace {

struct Choices {
    std::vector<std::string> words;
    std::string format = "text";
    std::string sort = "relevance";
    std::string highlight;
    std::string color = "auto";
    std::string histogram;
};

void setup_options(CLI::App& app, morgue::SearchCommand& c, Choices& ch) {
    morgue::SearchRequest& r = c.request;
    app.add_option("-d,--database", c.databases,
                   "Database, stub file or tcp://HOST:PORT to search (repeat for shards)")
        ->envname("MORGUE_DB")
        ->allow_extra_args(false);
    app.add_flag("--partial", c.shards.partial,
                 "Search on without shards that cannot be reached, with a warning");
    app.add_option_function<double>(
           "--remote-timeout",
           [&c](double seconds) {
               c.shards.remote_timeout_ms = static_cast<unsigned>(seconds * 1000);
           },
           "Seconds to wait for a remote shard (default 30)")
        ->check(CLI::Range(0.001, 86400.0));
    app.add_option("query", ch.words, "Query words, phrases, field:value, date:FROM..TO");
    app.add_option("--format", ch.format, "Output format")
        ->check(CLI::IsMember({"text", "json", "jsonl", "csv", "tsv", "ids"}));
    app.add_option("--limit", r.limit, "Number of results (default 10)")->check(CLI::Range(0, 100000));
    app.add_option("--offset", r.offset, "Results to skip");
    app.add_option("--sort", ch.sort, "Order of results")
        ->check(CLI::IsMember({"relevance", "newest", "oldest"}));
    app.add_option("--since", r.since, "Only articles from this date on (2022-02, 7d, ...)");
    app.add_option("--until", r.until, "Only articles up to this date (whole periods)");
    app.add_option("--tz", r.tz, "Time zone of dates in the query (default: UTC)");
    app.add_option("--lang", r.langs, "Only articles in this language (ISO 639-1; repeatable)")
        ->allow_extra_args(false);
    app.add_flag("--all", r.match_all_words, "Every word must match (default: any, ranked)");
    app.add_option("--wildcard-limit", r.wildcard_limit, "Most words a wildcard may expand to");
    app.add_option("--highlight", ch.highlight, "Markup of matches in snippets")
        ->check(CLI::IsMember({"none", "html", "ansi"}));
    app.add_option_function<std::string>(
           "--fields",
           [&c](const std::string& v) {
               std::string error;
               auto fields = morgue::parse_field_list(v, &error);
               if (!fields) throw CLI::ValidationError("--fields", error);
               c.output.fields = *fields;
           },
           "Columns of csv and tsv output (id,date,title,people,...)");
    app.add_option("--color", ch.color, "Colour in text output")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_option_function<std::string>(
           "--facet",
           [&r](const std::string& v) {
               std::string error;
               auto specs = morgue::parse_facet_list(v, &error);
               if (!specs) throw CLI::ValidationError("--facet", error);
               r.facets.insert(r.facets.end(), specs->begin(), specs->end());
           },
           "Count values over all matches: source,lang,topic,tag,person,org,place[:N]");
    app.add_option("--histogram", ch.histogram, "Matches per period, with each period's share")
        ->check(CLI::IsMember({"day", "week", "month", "year"}));
    app.add_flag("--collapse", r.collapse, "Show each story once, with its copies");
    app.add_option("--recency", r.recency, "Favour recent articles: half-life such as 30d, 1y");
    app.add_flag("--expand", r.expand,
                 "Reorder the matches by the words of the best ones (relevance feedback)");
    app.add_option("--duplicates", r.duplicates_of, "List the copies of the article with this id");
    app.add_option("--like", r.like, "Rank articles by similarity to the one with this id");
    app.add_flag("!--no-suggest", r.suggest, "No \"did you mean\" when a query finds little");
    app.add_flag("--count", c.count_only, "Print the exact number of matches only");
    app.add_flag("--batch", c.batch,
                 "Read queries from stdin (text or JSON options), write one JSON line each");
    app.add_flag("--explain", c.explain, "Show how the query is read (stemmers, dates, order)");
    app.add_flag("--stats", c.stats, "Describe the database instead of searching it");
    app.add_flag("-q,--quiet", c.quiet, "No warnings on stderr");
    app.set_version_flag("--version", std::string("morgue-search ") + MORGUE_VERSION);
}

void apply_choices(morgue::SearchCommand& c, const Choices& ch) {
    for (const std::string& word : ch.words) {
        c.request.query += (c.request.query.empty() ? "" : " ") + word;
    }
    c.format = *morgue::output_format_from_name(ch.format);
    if (!ch.histogram.empty()) {
        c.request.histogram = morgue::period_from_name(ch.histogram);
    }
    c.request.sort = *morgue::sort_order_from_name(ch.sort);
    c.output.color = ch.color == "always" || (ch.color == "auto" && isatty(STDOUT_FILENO) &&
                                              c.format == morgue::OutputFormat::text);
    bool ansi = c.output.color && c.format == morgue::OutputFormat::text;
    c.output.highlight = ch.highlight.empty() ? (ansi ? morgue::Highlight::ansi : morgue::Highlight::none)
                                              : *morgue::highlight_from_name(ch.highlight);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app("Search a morgue database of news articles.", "morgue-search");
    morgue::SearchCommand command;
    Choices choices;
    setup_options(app, command, choices);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : static_cast<int>(morgue::ExitCode::usage);
    }
    apply_choices(command, choices);
    return morgue::run_search(command, std::cin, std::cout, std::cerr);
}
