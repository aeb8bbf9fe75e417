#define BOOST_TEST_MODULE entities_canonical
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/entities/entity.h"
#include "common/entities/extractor.h"

namespace {

using morgue::Entity;
using morgue::EntityType;
using morgue::entities::canonical_name;
using morgue::entities::merge_entities;

struct NameCase {
    EntityType type;
    std::string_view input;
    std::string_view expected;
};

const std::vector<NameCase> kNames = {
    {EntityType::location, "U.S.", "United States"},
    {EntityType::location, "US", "United States"},
    {EntityType::location, "us", "United States"},
    {EntityType::location, "USA", "United States"},
    {EntityType::location, "U.S.A.", "United States"},
    {EntityType::location, "America", "United States"},
    {EntityType::location, "United States of America", "United States"},
    {EntityType::location, "the United States", "United States"},
    {EntityType::location, "United States", "United States"},
    {EntityType::location, "U.K.", "United Kingdom"},
    {EntityType::location, "UK", "United Kingdom"},
    {EntityType::location, "Britain", "United Kingdom"},
    {EntityType::location, "Great Britain", "United Kingdom"},
    {EntityType::location, "Russian Federation", "Russia"},
    {EntityType::location, "Luhansk", "Luhansk"},
    {EntityType::location, "Czechia", "Czech Republic"},
    {EntityType::location, "Kiev", "Kyiv"},
    {EntityType::location, "Ukraine\xE2\x80\x99s", "Ukraine"},
    {EntityType::location, "Ukraine's", "Ukraine"},
    {EntityType::location, "  Eastern \n Ukraine ", "Eastern Ukraine"},
    {EntityType::organisation, "U.N.", "United Nations"},
    {EntityType::organisation, "UN", "United Nations"},
    {EntityType::organisation, "E.U.", "European Union"},
    {EntityType::organisation, "EU", "European Union"},
    {EntityType::organisation, "Nato", "NATO"},
    {EntityType::organisation, "the Kremlin", "Kremlin"},
    {EntityType::organisation, "Federal Security Service", "FSB"},
    {EntityType::organisation, "Interfax", "Interfax"},
    {EntityType::person, "Vladimir   Putin", "Vladimir Putin"},
    {EntityType::person, "US", "US"},
    {EntityType::person, "", ""},
};

const Entity* find(const std::vector<Entity>& entities, EntityType type, const std::string& name) {
    for (const Entity& entity : entities) {
        if (entity.type == type && entity.name == name) {
            return &entity;
        }
    }
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(entities_canonical)

BOOST_AUTO_TEST_CASE(alias_table_and_tidying) {
    for (const NameCase& row : kNames) {
        BOOST_TEST_CONTEXT(morgue::entity_type_name(row.type) << " \"" << row.input << "\"") {
            BOOST_TEST(canonical_name(row.type, row.input) == row.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(type_names_and_record_keys) {
    BOOST_TEST(morgue::entity_type_name(EntityType::person) == "person");
    BOOST_TEST(morgue::entity_type_name(EntityType::organisation) == "org");
    BOOST_TEST(morgue::entity_type_name(EntityType::location) == "place");
    const std::vector<std::pair<std::string_view, std::optional<EntityType>>> keys = {
        {"person", EntityType::person},
        {"people", EntityType::person},
        {"Persons", EntityType::person},
        {"org", EntityType::organisation},
        {"organization", EntityType::organisation},
        {"Organizations", EntityType::organisation},
        {"organisation", EntityType::organisation},
        {"organisations", EntityType::organisation},
        {"place", EntityType::location},
        {"PLACES", EntityType::location},
        {"location", EntityType::location},
        {"locations", EntityType::location},
        {"entity", std::nullopt},
        {"", std::nullopt},
        {"personnel", std::nullopt},
    };
    for (const auto& [key, type] : keys) {
        BOOST_TEST_CONTEXT(key) {
            BOOST_TEST((morgue::entity_type_from_name(key) == type));
        }
    }
}

BOOST_AUTO_TEST_CASE(merge_joins_same_type_and_canonical_name) {
    std::vector<Entity> into = {
        {EntityType::person, "Vladimir Putin", {"Vladimir Putin", "Putin"}},
        {EntityType::location, "United States", {"U.S."}},
        {EntityType::organisation, "Kremlin", {"Kremlin"}},
    };
    merge_entities(into, {
                             {EntityType::location, "USA", {}},
                             {EntityType::person, "Putin", {"Putin", "President Putin"}},
                             {EntityType::organisation, "Acme Widgets Inc.", {}},
                             {EntityType::location, "Kremlin", {}},
                             {EntityType::organisation, "  ", {}},
                         });
    BOOST_TEST(into.size() == 5u);
    const Entity* putin = find(into, EntityType::person, "Vladimir Putin");
    BOOST_REQUIRE(putin != nullptr);
    BOOST_TEST(
        putin->mentions == (std::vector<std::string>{"Vladimir Putin", "Putin", "President Putin"}),
        boost::test_tools::per_element());
    const Entity* us = find(into, EntityType::location, "United States");
    BOOST_REQUIRE(us != nullptr);
    BOOST_TEST(us->mentions == std::vector<std::string>{"U.S."}, boost::test_tools::per_element());
    BOOST_TEST(find(into, EntityType::organisation, "Acme Widgets Inc.") != nullptr);
    BOOST_TEST(find(into, EntityType::location, "Kremlin") != nullptr);  // types differ
}

BOOST_AUTO_TEST_CASE(merge_keeps_the_fuller_name_of_a_person) {
    std::vector<Entity> into = {{EntityType::person, "Peskov", {"Peskov"}}};
    merge_entities(into, {{EntityType::person, "Dmitry Peskov", {}}});
    BOOST_TEST(into.size() == 1u);
    BOOST_TEST(into.front().name == "Dmitry Peskov");
    BOOST_TEST(into.front().mentions == std::vector<std::string>{"Peskov"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(merge_into_nothing_canonicalises) {
    std::vector<Entity> into;
    merge_entities(into, {{EntityType::organisation, "U.N.", {}},
                          {EntityType::organisation, "United Nations", {}},
                          {EntityType::location, "Britain", {}}});
    BOOST_TEST(into.size() == 2u);
    BOOST_TEST(find(into, EntityType::organisation, "United Nations") != nullptr);
    BOOST_TEST(find(into, EntityType::location, "United Kingdom") != nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
