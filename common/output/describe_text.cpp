// The text form of --explain and --stats, which every format but json and jsonl uses.
#include <ostream>

#include "../dates.h"
#include "formatter.h"

namespace morgue {

namespace {

std::string date_or(const std::optional<std::int64_t>& date, const char* otherwise) {
    return date ? dates::format_iso(*date) : otherwise;
}

std::string_view sort_description(SortOrder sort) {
    switch (sort) {
        case SortOrder::newest:
            return "newest first, then id";
        case SortOrder::oldest:
            return "oldest first (undated last), then id";
        case SortOrder::relevance:
            break;
    }
    return "relevance (BM25), ties newest first, then id";
}

}  // namespace

void Formatter::write_explanation(const Explanation& e, std::ostream& out) {
    out << "query:     " << e.query_text << '\n';
    out << "parsed:    " << e.parsed << '\n';
    out << "stemming:  ";
    for (std::size_t i = 0; i < e.stemmers.size(); ++i) {
        out << (i ? ", " : "") << e.stemmers[i].first << " (" << e.stemmers[i].second << ")";
    }
    out << (e.stemmers.empty() ? "none\n" : "\n");
    out << "words:     " << (e.match_all_words ? "all must match (AND)" : "any may match (OR)")
        << "; question words dropped outside phrases\n";
    out << "dates:     " << date_or(e.date_from, "(open)") << " .. "
        << date_or(e.date_to, "(open)") << '\n';
    out << "sort:      " << sort_description(e.sort) << '\n';
    out << "recency:   " << (e.recency.empty() ? "off" : "half-life " + e.recency) << '\n';
    out << "collapse:  "
        << (e.collapse ? "each story once: copies share the content hash or 60% of the MinHash"
                       : "off")
        << '\n';
    for (const std::string& warning : e.warnings) {
        out << "warning:   " << warning << '\n';
    }
}

void Formatter::write_stats(const DatabaseStats& s, std::ostream& out) {
    for (const std::string& path : s.paths) {
        out << "database:       " << path << '\n';
    }
    out << "documents:      " << s.documents << '\n';
    out << "schema version: " << s.schema_version << '\n';
    out << "dates:          " << date_or(s.first_date, "none") << " .. "
        << date_or(s.last_date, "none") << " (" << s.undated << " undated)\n";
    out << "languages:      ";
    for (std::size_t i = 0; i < s.languages.size(); ++i) {
        out << (i ? " " : "") << s.languages[i];
    }
    out << "\ntop sources:\n";
    for (const FacetValue& source : s.top_sources) {
        out << "  " << source.count << "  " << source.value << '\n';
    }
    out << "size on disk:   " << s.size_bytes << " bytes\n";
    for (const std::string& warning : s.warnings) {
        out << "warning:        " << warning << '\n';
    }
}

}  // namespace morgue
