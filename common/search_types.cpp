#include "search_types.h"

#include <array>
#include <charconv>
#include <utility>

namespace morgue {

namespace {

constexpr std::array<std::pair<std::string_view, FacetField>, 7> kFacetNames{{
    {"source", FacetField::source},
    {"lang", FacetField::lang},
    {"topic", FacetField::topic},
    {"tag", FacetField::tag},
    {"person", FacetField::person},
    {"org", FacetField::org},
    {"place", FacetField::place},
}};

constexpr std::array<std::pair<std::string_view, SortOrder>, 3> kSortNames{{
    {"relevance", SortOrder::relevance},
    {"newest", SortOrder::newest},
    {"oldest", SortOrder::oldest},
}};

constexpr std::array<std::pair<std::string_view, Period>, 4> kPeriodNames{{
    {"day", Period::day},
    {"week", Period::week},
    {"month", Period::month},
    {"year", Period::year},
}};

template <typename Table, typename Value>
std::string_view name_of(const Table& table, Value value) {
    for (const auto& [name, known] : table) {
        if (known == value) {
            return name;
        }
    }
    return {};
}

template <typename Value, typename Table>
std::optional<Value> value_of(const Table& table, std::string_view name) {
    for (const auto& [known, value] : table) {
        if (known == name) {
            return value;
        }
    }
    return std::nullopt;
}

}  // namespace

std::string_view facet_field_name(FacetField field) {
    return name_of(kFacetNames, field);
}

std::optional<FacetField> facet_field_from_name(std::string_view name) {
    return value_of<FacetField>(kFacetNames, name);
}

std::string_view sort_order_name(SortOrder sort) {
    return name_of(kSortNames, sort);
}

std::optional<SortOrder> sort_order_from_name(std::string_view name) {
    return value_of<SortOrder>(kSortNames, name);
}

std::optional<std::vector<FacetSpec>> parse_facet_list(std::string_view text, std::string* error) {
    std::vector<FacetSpec> specs;
    while (!text.empty()) {
        std::size_t comma = text.find(',');
        std::string_view item = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
        std::size_t colon = item.find(':');
        std::optional<FacetField> field = facet_field_from_name(item.substr(0, colon));
        FacetSpec spec;
        std::size_t limit = 0;
        std::string_view digits = colon == std::string_view::npos ? "" : item.substr(colon + 1);
        bool limit_ok = colon == std::string_view::npos ||
                        (!digits.empty() && digits.size() < 7 &&
                         std::from_chars(digits.data(), digits.data() + digits.size(), limit).ptr ==
                             digits.data() + digits.size() && limit > 0);
        if (!field || !limit_ok) {
            *error = "'" + std::string(item) + "' is not a facet (FIELD or FIELD:N, with FIELD one "
                     "of source, lang, topic, tag, person, org, place)";
            return std::nullopt;
        }
        spec.field = *field;
        spec.limit = colon == std::string_view::npos ? spec.limit : limit;
        specs.push_back(spec);
    }
    return specs;
}

std::string_view period_name(Period period) {
    return name_of(kPeriodNames, period);
}

std::optional<Period> period_from_name(std::string_view name) {
    return value_of<Period>(kPeriodNames, name);
}

}  // namespace morgue
