#pragma once

// The concrete formatters behind make_formatter, and helpers they share. Private to output/.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formatter.h"

namespace morgue {

/// ANSI sequences the text format and Highlight::ansi use.
inline constexpr std::string_view kAnsiMatch = "\x1b[1;7m";  ///< bold + reverse
inline constexpr std::string_view kAnsiBold = "\x1b[1m";
inline constexpr std::string_view kAnsiDim = "\x1b[2m";
inline constexpr std::string_view kAnsiReset = "\x1b[0m";

/// A run of snippet text between markers, and whether it is a highlighted match.
struct SnippetPart {
    std::string text;
    bool match = false;
};

/// The snippet cut at its markers. Empty runs are dropped and neighbours with the same flag are
/// joined; a start marker without an end runs to the end, stray or nested markers are ignored.
std::vector<SnippetPart> split_snippet(std::string_view snippet);

/// "2022-02-21T00:00:00Z", or "" for an undated hit.
std::string iso_date_or_empty(const std::optional<std::int64_t>& date);

/// Facet counts as short tables, for the text format.
void write_facets_text(const std::vector<Facet>& facets, std::ostream& out);
/// The timeline as a labelled bar chart, for the text format.
void write_histogram_text(const SearchResults& results, std::ostream& out);

/// json (one document) and jsonl (one line per hit).
class JsonFormatter : public Formatter {
  public:
    /// lines: jsonl; highlight: markup of the "snippet" field.
    JsonFormatter(bool lines, Highlight highlight);
    /// Writes the document, or one line per hit.
    void write(const SearchResults& results, std::ostream& out) override;
    /// {"format_version": 1, "explain": {...}} on one line.
    void write_explanation(const Explanation& explanation, std::ostream& out) override;
    /// {"format_version": 1, "stats": {...}} on one line.
    void write_stats(const DatabaseStats& stats, std::ostream& out) override;

  private:
    bool lines_;
    Highlight highlight_;
};

/// csv (RFC 4180 quoting) and tsv (no quoting; tabs and line breaks in values become spaces).
class DelimitedFormatter : public Formatter {
  public:
    /// delimiter: ',' for csv, '\t' for tsv; columns: --fields, or empty for the default ones.
    DelimitedFormatter(char delimiter, std::vector<std::string> columns);
    /// Writes a header row and one row per hit.
    void write(const SearchResults& results, std::ostream& out) override;

  private:
    void write_row(const std::vector<std::string>& cells, std::ostream& out) const;
    /// One cell as the format writes it: quoted (csv) or flattened (tsv).
    std::string field(std::string_view value) const;
    char delimiter_;
    std::vector<std::string> columns_;
};

/// For a person at a terminal; see docs/output-formats.md.
class TextFormatter : public Formatter {
  public:
    /// options.color: bold titles, dim details and highlighted matches.
    explicit TextFormatter(const OutputOptions& options);
    /// Writes a count line and one block per hit.
    void write(const SearchResults& results, std::ostream& out) override;

  private:
    void write_hit(const Hit& hit, std::ostream& out) const;
    bool color_;
    bool highlight_matches_;
};

/// One id per line, for scripts that feed ids to other tools.
class IdsFormatter : public Formatter {
  public:
    /// Writes each hit's id on its own line.
    void write(const SearchResults& results, std::ostream& out) override;
};

}  // namespace morgue
