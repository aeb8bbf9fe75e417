#define BOOST_TEST_MODULE entities_sample
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/entities/extractor.h"
#include "common/text/clean.h"

namespace {

using morgue::Entity;
using morgue::EntityType;

// The sample article the project was created from, cleaned as the pipeline cleans a plain
// text file: the title split off, then the page furniture (comment form, teasers) removed.
std::vector<Entity> sample_entities() {
    std::ifstream in(std::string(MORGUE_SOURCE_DIR) + "/corpus/sample-article.txt",
                     std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const morgue::text::TitledText split = morgue::text::split_title(bytes.str());
    const morgue::text::CleanBody cleaned = morgue::text::clean_body(split.body);
    return morgue::entities::Extractor::shared().extract(split.title, cleaned.body, "en");
}

const Entity* find(const std::vector<Entity>& entities, EntityType type, const std::string& name) {
    for (const Entity& entity : entities) {
        if (entity.type == type && entity.name == name) {
            return &entity;
        }
    }
    return nullptr;
}

bool named_anywhere(const std::vector<Entity>& entities, const std::string& name) {
    for (const Entity& entity : entities) {
        if (entity.name.find(name) != std::string::npos) {
            return true;
        }
        for (const std::string& mention : entity.mentions) {
            if (mention.find(name) != std::string::npos) {
                return true;
            }
        }
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(entities_sample)

BOOST_AUTO_TEST_CASE(people_places_and_organisations_of_the_story) {
    const std::vector<Entity> found = sample_entities();
    const std::vector<std::pair<EntityType, std::string>> expected = {
        {EntityType::person, "Emmanuel Macron"},
        {EntityType::person, "Joe Biden"},
        {EntityType::person, "Vladimir Putin"},
        {EntityType::person, "Dmitry Peskov"},
        {EntityType::person, "Oleksii Reznikov"},
        {EntityType::location, "Ukraine"},
        {EntityType::location, "Russia"},
        {EntityType::location, "Belarus"},
        {EntityType::location, "Luhansk"},
        {EntityType::location, "Rostov"},
        {EntityType::location, "Moscow"},
        {EntityType::location, "Europe"},
        {EntityType::location, "United States"},
        {EntityType::organisation, "Kremlin"},
        {EntityType::organisation, "White House"},
        {EntityType::organisation, "National Security Council"},
        {EntityType::organisation, "United Nations"},
        {EntityType::organisation, "FSB"},
        {EntityType::organisation, "Interfax"},
        {EntityType::organisation, "Reuters"},
        {EntityType::organisation, "TASS"},
    };
    for (const auto& [type, name] : expected) {
        BOOST_TEST(find(found, type, name) != nullptr, morgue::entity_type_name(type)
                                                           << ": " << name << " missing");
    }
}

BOOST_AUTO_TEST_CASE(nothing_from_the_footer_teasers) {
    const std::vector<Entity> found = sample_entities();
    for (const std::string name :
         {"Donald Trump", "Trump", "Mike Johnson", "Kyle Rittenhouse", "Tucker Carlson", "Vance"}) {
        BOOST_TEST(!named_anywhere(found, name), name << " found");
    }
}

BOOST_AUTO_TEST_CASE(variants_resolve_to_the_fullest_form) {
    const std::vector<Entity> found = sample_entities();
    const Entity* putin = find(found, EntityType::person, "Vladimir Putin");
    const Entity* biden = find(found, EntityType::person, "Joe Biden");
    const Entity* us = find(found, EntityType::location, "United States");
    BOOST_REQUIRE(putin && biden && us);
    BOOST_TEST(putin->mentions == (std::vector<std::string>{"Vladimir Putin", "Putin"}),
               boost::test_tools::per_element());
    BOOST_TEST(biden->mentions == (std::vector<std::string>{"Joe Biden", "Biden"}),
               boost::test_tools::per_element());
    BOOST_TEST(us->mentions == std::vector<std::string>{"U.S."}, boost::test_tools::per_element());
    BOOST_TEST(find(found, EntityType::person, "Putin") == nullptr);
    BOOST_TEST(find(found, EntityType::location, "U.S.") == nullptr);
}

BOOST_AUTO_TEST_CASE(adjectives_are_not_places) {
    const std::vector<Entity> found = sample_entities();
    for (const std::string name : {"Russian", "American", "Ukrainian", "French"}) {
        BOOST_TEST(!named_anywhere(found, name), name << " found");
    }
}

BOOST_AUTO_TEST_SUITE_END()
