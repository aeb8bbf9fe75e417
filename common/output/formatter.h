#pragma once

#include <array>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "../search_types.h"

namespace morgue {

enum class OutputFormat { text, json, jsonl, csv, tsv, ids };
enum class Highlight { none, html, ansi };

/// "text", "json", ... ; nullopt for anything else.
std::optional<OutputFormat> output_format_from_name(std::string_view name);
std::optional<Highlight> highlight_from_name(std::string_view name);

/// The columns csv and tsv can print (--fields).
inline constexpr std::array<std::string_view, 16> kDelimitedColumns{
    "rank", "id",      "score",   "date",   "source", "title",  "url",    "lang",
    "authors", "snippet", "topics", "tags", "people", "orgs", "places", "copies"};

/// "id,date,title": csv/tsv columns; nullopt with *error set for an unknown column.
std::optional<std::vector<std::string>> parse_field_list(std::string_view text,
                                                         std::string* error);

struct OutputOptions {
    Highlight highlight = Highlight::none;  ///< markup of matches in snippets
    bool color = false;                     ///< text format: ANSI colour for headings
    std::vector<std::string> fields;        ///< csv/tsv columns (--fields); empty: the default
};

/// The version of the JSON and JSON Lines output (docs/search-output.schema.json).
inline constexpr int kFormatVersion = 1;

/// One output format. Commands never branch on the format: they hand results to a Formatter.
class Formatter {
  public:
    virtual ~Formatter() = default;
    /// Writes one search's results.
    virtual void write(const SearchResults& results, std::ostream& out) = 0;
    /// Writes how a query is read (--explain); as labelled lines of text unless overridden.
    virtual void write_explanation(const Explanation& explanation, std::ostream& out);
    /// Writes what a database holds (--stats); as labelled lines of text unless overridden.
    virtual void write_stats(const DatabaseStats& stats, std::ostream& out);
};

std::unique_ptr<Formatter> make_formatter(OutputFormat format, const OutputOptions& options);

/// The snippet with the private markers rendered as the highlight asks (none: removed; html:
/// <b>..</b> with the text HTML-escaped; ansi: bold + reverse).
std::string render_snippet(std::string_view snippet, Highlight highlight);

}  // namespace morgue
