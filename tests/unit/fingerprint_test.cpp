#define BOOST_TEST_MODULE fingerprint
#include <boost/test/unit_test.hpp>

#include <string>

#include "common/text/fingerprint.h"

namespace text = morgue::text;

namespace {

const std::string kStory =
    "European diplomats spent the weekend pressing for a summit between the American and "
    "Russian presidents, as satellite images showed new field hospitals near the border. A "
    "spokesman for the foreign ministry said talks would continue at the level of advisers. "
    "Analysts warned that the window for diplomacy was closing fast.";

double similarity_of(const std::string& a, const std::string& b) {
    return text::similarity(*text::fingerprint(a), *text::fingerprint(b));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fingerprint)

BOOST_AUTO_TEST_CASE(copies_are_alike_whatever_their_case_accents_and_spacing) {
    std::string shouted = kStory;
    for (char& c : shouted) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    BOOST_TEST(similarity_of(kStory, shouted) == 1.0);
    BOOST_TEST(similarity_of("Café au lait in São Paulo tonight", "cafe  au\nlait in SAO paulo, tonight") ==
               1.0);
    BOOST_TEST(text::content_hash(kStory) == text::content_hash(shouted + "  "));
    BOOST_TEST(text::content_hash(kStory).size() == 32u);
}

BOOST_AUTO_TEST_CASE(a_changed_sentence_keeps_the_story) {
    std::string rewritten = kStory + " Markets in the region were calm on Monday morning.";
    BOOST_TEST(similarity_of(kStory, rewritten) >= text::kSameStory);
    BOOST_TEST(text::content_hash(kStory) != text::content_hash(rewritten));
}

BOOST_AUTO_TEST_CASE(another_story_on_the_topic_is_not_a_copy) {
    const std::string other =
        "Russian officials dismissed talk of a summit with the American president, saying the "
        "weekend's diplomacy had produced no concrete plans. Troops near the border continued "
        "drills, and satellite images showed more armour arriving at field camps.";
    BOOST_TEST(similarity_of(kStory, other) < 0.2);
}

BOOST_AUTO_TEST_CASE(short_texts_have_no_fingerprint) {
    BOOST_TEST(!text::fingerprint("two words").has_value());
    BOOST_TEST(text::fingerprint("three whole words").has_value());
    BOOST_TEST(text::content_hash("  ...  ").empty());
}

BOOST_AUTO_TEST_CASE(bands_and_serialisation_round_trip) {
    text::Fingerprint fp = *text::fingerprint(kStory);
    std::string bytes = text::serialise(fp);
    BOOST_TEST(bytes.size() == text::Fingerprint::kHashes * 4);
    text::Fingerprint back = *text::deserialise(bytes);
    BOOST_TEST(back.minimums == fp.minimums, boost::test_tools::per_element());
    BOOST_TEST(!text::deserialise(bytes.substr(1)).has_value());
    std::vector<std::string> keys = text::band_keys(fp);
    BOOST_TEST(keys.size() == text::Fingerprint::kBands);
    BOOST_TEST(keys[0].substr(0, 3) == "00:");
    BOOST_TEST(keys[15].size() == 11u);
    // Identical text, identical keys; a copy shares at least one band.
    BOOST_TEST(text::band_keys(*text::fingerprint(kStory)) == keys, boost::test_tools::per_element());
    std::vector<std::string> copy = text::band_keys(
        *text::fingerprint(kStory + " Markets in the region were calm on Monday morning."));
    std::size_t shared = 0;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        shared += keys[i] == copy[i] ? 1 : 0;
    }
    BOOST_TEST(shared >= 1u);
}

BOOST_AUTO_TEST_SUITE_END()
