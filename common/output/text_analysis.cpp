#include <algorithm>
#include <cstdio>
#include <ostream>
#include <string>

#include "formatters.h"

namespace morgue {

namespace {

constexpr std::size_t kBarWidth = 40;
constexpr std::string_view kIndentText = "  ";

/// A bar of count's share of max, in eighths of a character cell, padded to kBarWidth cells.
std::string bar(std::uint64_t count, std::uint64_t max) {
    static constexpr std::string_view kEighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    std::uint64_t eighths = max == 0 ? 0 : (count * kBarWidth * 8 + max / 2) / max;
    std::string out;
    std::size_t cells = 0;
    for (; cells < eighths / 8; ++cells) {
        out += "█";
    }
    if (eighths % 8 != 0) {
        out += kEighths[eighths % 8];
        ++cells;
    }
    out.append(kBarWidth - cells, ' ');
    return out;
}

std::string pad(std::string text, std::size_t width) {
    if (text.size() < width) {
        text.append(width - text.size(), ' ');
    }
    return text;
}

}  // namespace

void write_facets_text(const std::vector<Facet>& facets, std::ostream& out) {
    for (const Facet& facet : facets) {
        out << '\n' << facet_field_name(facet.field) << '\n';
        if (facet.values.empty()) {
            out << kIndentText << "(none)\n";
        }
        std::size_t width = 0;
        for (const FacetValue& value : facet.values) {
            width = std::max(width, value.value.size());
        }
        for (const FacetValue& value : facet.values) {
            out << kIndentText << pad(value.value, width) << "  " << value.count << '\n';
        }
    }
}

void write_histogram_text(const SearchResults& results, std::ostream& out) {
    if (!results.histogram) {
        return;
    }
    out << "\nmatches by " << period_name(*results.histogram)
        << " (bar: matches; %: share of the period's articles)\n";
    std::uint64_t max = 0;
    std::size_t width = 0;
    for (const Bucket& bucket : results.buckets) {
        max = std::max(max, bucket.count);
        width = std::max(width, bucket.period.size());
    }
    for (const Bucket& bucket : results.buckets) {
        out << kIndentText << pad(bucket.period, width) << ' ' << bar(bucket.count, max)
            << ' ' << bucket.count;
        if (bucket.share) {
            char share[16];
            std::snprintf(share, sizeof share, " (%.0f%%)", *bucket.share * 100);
            out << share;
        }
        out << '\n';
    }
}

}  // namespace morgue
