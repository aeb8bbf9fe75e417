#include "batch.h"

#include <simdjson.h>

#include "errors.h"
#include "output/json_writer.h"
#include "text/unicode.h"

namespace morgue {

namespace {

std::string string_option(simdjson::dom::element value, std::string_view key) {
    std::string_view text;
    if (value.get(text) != simdjson::SUCCESS) {
        throw QueryError("option \"" + std::string(key) + "\" must be a string");
    }
    return std::string(text);
}

std::size_t count_option(simdjson::dom::element value, std::string_view key) {
    std::uint64_t number = 0;
    if (value.get(number) != simdjson::SUCCESS) {
        throw QueryError("option \"" + std::string(key) + "\" must be a whole number");
    }
    return static_cast<std::size_t>(number);
}

bool flag_option(simdjson::dom::element value, std::string_view key) {
    bool flag = false;
    if (value.get(flag) != simdjson::SUCCESS) {
        throw QueryError("option \"" + std::string(key) + "\" must be true or false");
    }
    return flag;
}

std::vector<std::string> strings_option(simdjson::dom::element value, std::string_view key) {
    simdjson::dom::array array;
    if (value.get(array) != simdjson::SUCCESS) {
        return {string_option(value, key)};
    }
    std::vector<std::string> out;
    for (simdjson::dom::element item : array) {
        out.push_back(string_option(item, key));
    }
    return out;
}

template <typename T>
T named(std::optional<T> value, std::string_view key, const std::string& given) {
    if (!value) {
        throw QueryError("option \"" + std::string(key) + "\": unknown value \"" + given + "\"");
    }
    return *value;
}

void apply_option(SearchRequest& r, std::string_view key, simdjson::dom::element value) {
    if (key == "query") {
        r.query = string_option(value, key);
    } else if (key == "limit") {
        r.limit = count_option(value, key);
    } else if (key == "offset") {
        r.offset = count_option(value, key);
    } else if (key == "sort") {
        std::string sort = string_option(value, key);
        r.sort = named(sort_order_from_name(sort), key, sort);
    } else if (key == "since" || key == "until" || key == "tz") {
        (key == "since" ? r.since : key == "until" ? r.until : r.tz) = string_option(value, key);
    } else if (key == "lang") {
        r.langs = strings_option(value, key);
    } else if (key == "all") {
        r.match_all_words = flag_option(value, key);
    } else if (key == "recency") {
        r.recency = string_option(value, key);
    } else if (key == "expand") {
        r.expand = flag_option(value, key);
    } else if (key == "collapse") {
        r.collapse = flag_option(value, key);
    } else if (key == "duplicates") {
        r.duplicates_of = string_option(value, key);
    } else if (key == "like") {
        r.like = string_option(value, key);
    } else if (key == "count") {
        r.exact_total = flag_option(value, key);
    } else if (key == "facet") {
        std::string error;
        auto specs = parse_facet_list(string_option(value, key), &error);
        if (!specs) {
            throw QueryError("option \"facet\": " + error);
        }
        r.facets = *specs;
    } else if (key == "histogram") {
        std::string period = string_option(value, key);
        r.histogram = named(period_from_name(period), key, period);
    } else {
        throw QueryError("unknown option \"" + std::string(key) + "\"");
    }
}

/// The request of one batch line: the command's options, changed by the line's own.
SearchRequest request_of(std::string_view line, const SearchRequest& defaults) {
    SearchRequest request = defaults;
    std::string_view trimmed = text::trim(line);
    if (trimmed.empty() || trimmed.front() != '{') {
        request.query = std::string(trimmed);
        return request;
    }
    thread_local simdjson::dom::parser parser;
    simdjson::dom::object object;
    if (auto error = parser.parse(trimmed.data(), trimmed.size()).get(object); error) {
        throw QueryError(std::string("not a JSON object of options: ") +
                         simdjson::error_message(error));
    }
    for (auto [key, value] : object) {
        apply_option(request, key, value);
    }
    return request;
}

void write_error(std::ostream& out, std::size_t line, int code, std::string_view message) {
    JsonWriter json(out);
    json.begin_object();
    json.key("format_version");
    json.number(kFormatVersion);
    json.key("line");
    json.number(line);
    json.key("error");
    json.begin_object();
    json.key("code");
    json.number(code);
    json.key("message");
    json.string(message);
    json.end_object();
    json.end_object();
    out << '\n';
}

}  // namespace

int run_batch(const SearchCommand& defaults, std::istream& in, std::ostream& out,
              std::ostream& err) {
    std::optional<Searcher> searcher;
    try {
        searcher.emplace(defaults.databases, defaults.shards);
    } catch (const DatabaseError& e) {
        err << "morgue-search: error: " << e.what() << '\n';
        return static_cast<int>(ExitCode::database);
    }
    std::unique_ptr<Formatter> json = make_formatter(OutputFormat::json, defaults.output);
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        try {
            json->write(searcher->search(request_of(line, defaults.request)), out);
        } catch (const UsageError& e) {
            write_error(out, number, static_cast<int>(ExitCode::usage), e.what());
        } catch (const DatabaseError& e) {
            write_error(out, number, static_cast<int>(ExitCode::database), e.what());
        }
        out.flush();
    }
    return static_cast<int>(ExitCode::ok);
}

}  // namespace morgue
