#define BOOST_TEST_MODULE entities
#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "common/entities/extractor.h"

namespace {

using morgue::Entity;
using morgue::entities::Extractor;

// One pitfall of issue 3, as a real sentence. expected: "type:name" (an entity of that type
// and canonical name) or "type:name=mention" (and that surface form among its mentions).
// absent: "name" (no entity names it and no mention reads so) or "type:name".
struct Row {
    std::string_view pitfall;
    std::string_view title;
    std::string_view body;
    std::vector<std::string_view> expected;
    std::vector<std::string_view> absent;
};

const std::vector<Row> kRows = {
    {"sentence start: a place",
     "",
     "Russia said on Monday it had no plans to invade Ukraine.",
     {"place:Russia", "place:Ukraine"},
     {"Monday"}},
    {"sentence start: a common word",
     "",
     "Officials in Kyiv said the shelling had intensified overnight.",
     {"place:Kyiv"},
     {"Officials"}},
    {"sentence start: an adverb before a name",
     "",
     "However, Putin said talks with Washington could resume.",
     {"person:Putin", "place:Washington"},
     {"However"}},
    {"quotes: curly, the name inside",
     "",
     "\xE2\x80\x9CUkraine has nothing to do with it,\xE2\x80\x9D Reznikov told reporters in Kyiv.",
     {"place:Ukraine", "person:Reznikov", "place:Kyiv"},
     {}},
    {"quotes: straight, a pronoun inside",
     "",
     "\"We will not comment,\" Kremlin spokesman Dmitry Peskov told reporters.",
     {"org:Kremlin", "person:Dmitry Peskov"},
     {"We"}},
    {"headline in Title Case: names kept",
     "Biden Meets Macron In Paris As Ukraine Crisis Deepens",
     "President Joe Biden met French President Emmanuel Macron in Paris on Tuesday as the "
     "crisis over Ukraine deepened.",
     {"person:Joe Biden=Biden", "person:Emmanuel Macron=Macron", "place:Paris", "place:Ukraine"},
     {"Meets", "Deepens", "Crisis", "Ukraine Crisis", "French"}},
    {"headline in Title Case: no names",
     "Battery Recycling Race Heats Up After Inflation Reduction Act",
     "Companies are racing to recycle batteries, a spokesman for the Energy Department said.",
     {"org:Energy Department"},
     {"Battery Recycling", "Battery Recycling Race", "Race", "Heats"}},
    {"ALL CAPS headline and a dateline",
     "RUSSIA WARNS UKRAINE OVER NATO TIES",
     "MOSCOW, Feb 21 (Reuters) - Russia warned Ukraine on Monday against closer ties with "
     "NATO, the foreign ministry said.",
     {"place:Russia=RUSSIA", "place:Ukraine=UKRAINE", "org:NATO", "place:Moscow=MOSCOW",
      "org:Reuters"},
     {"Feb", "WARNS", "TIES"}},
    {"ALL CAPS wire copy",
     "",
     "KYIV, MARCH 3 (REUTERS) - UKRAINE SAID ON THURSDAY RUSSIAN FORCES HAD SEIZED THE PORT OF "
     "KHERSON.",
     {"place:Kyiv=KYIV", "org:Reuters=REUTERS", "place:Ukraine=UKRAINE", "place:Kherson=KHERSON"},
     {"RUSSIAN", "OF KHERSON", "MARCH", "SAID"}},
    {"dateline with a dash",
     "",
     "WASHINGTON \xE2\x80\x94 Former President Donald Trump endorsed a candidate for the Senate "
     "in Ohio on Friday.",
     {"place:Washington=WASHINGTON", "person:Donald Trump", "place:Ohio"},
     {"person:Washington", "Former President"}},
    {"dateline with the agency",
     "",
     "LONDON (Reuters) - Britain said on Monday it would send more troops to Estonia.",
     {"place:London=LONDON", "org:Reuters", "place:United Kingdom=Britain", "place:Estonia"},
     {}},
    {"possessive 's",
     "",
     "Ukraine's military said two soldiers were killed near Donetsk.",
     {"place:Ukraine=Ukraine", "place:Donetsk"},
     {"Ukraine's"}},
    {"possessive \xE2\x80\x99s",
     "",
     "Ukraine\xE2\x80\x99s border service called the claims an outright provocation.",
     {"place:Ukraine=Ukraine"},
     {"Ukraine\xE2\x80\x99s"}},
    {"hyphenated: Moscow-backed",
     "",
     "Moscow-backed separatists fired on government positions, officials said.",
     {"place:Moscow=Moscow"},
     {"Moscow-backed"}},
    {"hyphenated: U.S.-led",
     "",
     "The U.S.-led coalition launched new strikes overnight, the Pentagon said.",
     {"place:United States=U.S.", "org:Pentagon"},
     {"U.S.-led"}},
    {"U.S. and the United Nations",
     "",
     "The U.S. has warned the United Nations that Russia has plans to kill large numbers of "
     "critics.",
     {"place:United States=U.S.", "org:United Nations", "place:Russia"},
     {"U.S"}},
    {"cue: President, Chancellor",
     "",
     "French President Emmanuel Macron spoke with German Chancellor Olaf Scholz on Sunday.",
     {"person:Emmanuel Macron", "person:Olaf Scholz"},
     {"French", "German", "President Emmanuel Macron"}},
    {"cue: Ministry of",
     "",
     "The Ministry of Defence in London said British troops would stay in Estonia.",
     {"org:Ministry of Defence", "place:London", "place:Estonia"},
     {"British"}},
    {"cue: Inc.",
     "",
     "Shares of Acme Widgets Inc. rose 4 percent after the company beat forecasts.",
     {"org:Acme Widgets Inc."},
     {}},
    {"cue: <place> region",
     "",
     "A shell destroyed a border post in Russia's Rostov region, the FSB said.",
     {"place:Rostov", "place:Russia", "org:FSB"},
     {"Rostov region"}},
    {"cue: in <place>",
     "",
     "Heavy fighting was reported in Kherson, the regional governor said.",
     {"place:Kherson"},
     {}},
    {"consistency: Putin after Vladimir Putin",
     "",
     "Vladimir Putin met his security council on Monday. Putin said the West had ignored "
     "Russia's demands.",
     {"person:Vladimir Putin=Vladimir Putin", "person:Vladimir Putin=Putin", "place:Russia"},
     {"person:Putin"}},
    {"consistency: the short form first",
     "",
     "Macron will travel to Kyiv on Friday, his office said.\n\nFrench President Emmanuel "
     "Macron has spoken to Zelenskiy every week since the invasion.",
     {"person:Emmanuel Macron=Macron", "person:Emmanuel Macron=Emmanuel Macron", "place:Kyiv"},
     {"person:Macron"}},
    {"demonyms are not places",
     "",
     "Russian officials say thousands of people have been evacuated, while American diplomats "
     "left.",
     {},
     {"Russian", "American", "place:Russia", "place:United States"}},
    {"aliases: Britain, UK, EU",
     "",
     "Britain and the EU agreed new sanctions, the UK government said on Tuesday.",
     {"place:United Kingdom=Britain", "place:United Kingdom=UK", "org:European Union=EU"},
     {"place:Britain", "place:UK", "org:EU"}},
    {"aliases: US, America, UN, U.N.",
     "",
     "The US and the UN disagreed, but America still voted with the U.N. in the end.",
     {"place:United States=US", "place:United States=America", "org:United Nations=UN",
      "org:United Nations=U.N."},
     {"place:America", "org:UN"}},
};

// "person:Joe Biden=Biden" -> {"person", "Joe Biden", "Biden"}.
struct Expectation {
    std::string type;
    std::string name;
    std::string mention;
};

Expectation parse(std::string_view spec) {
    Expectation e;
    const std::size_t colon = spec.find(':');
    if (colon != std::string_view::npos) {
        e.type = spec.substr(0, colon);
        spec.remove_prefix(colon + 1);
    }
    const std::size_t equals = spec.find('=');
    e.name = spec.substr(0, equals);
    if (equals != std::string_view::npos) {
        e.mention = spec.substr(equals + 1);
    }
    return e;
}

bool matches(const Entity& entity, const Expectation& e) {
    if (!e.type.empty() && morgue::entity_type_name(entity.type) != e.type) {
        return false;
    }
    if (entity.name == e.name) {
        return true;
    }
    // An absent name must not be a mention either (when no type narrows it to names).
    for (const std::string& mention : entity.mentions) {
        if (e.type.empty() && mention == e.name) {
            return true;
        }
    }
    return false;
}

bool has_mention(const Entity& entity, const std::string& mention) {
    for (const std::string& m : entity.mentions) {
        if (m == mention) {
            return true;
        }
    }
    return false;
}

std::string describe(const std::vector<Entity>& entities) {
    std::ostringstream out;
    for (const Entity& entity : entities) {
        out << morgue::entity_type_name(entity.type) << ":" << entity.name << " [";
        for (const std::string& mention : entity.mentions) {
            out << mention << ";";
        }
        out << "] ";
    }
    return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(entities)

BOOST_AUTO_TEST_CASE(pitfalls_of_real_sentences) {
    const Extractor& extractor = Extractor::shared();
    for (const Row& row : kRows) {
        const std::vector<Entity> found = extractor.extract(row.title, row.body, "en");
        BOOST_TEST_CONTEXT(row.pitfall << ": " << describe(found)) {
            for (const std::string_view spec : row.expected) {
                const Expectation e = parse(spec);
                bool ok = false;
                for (const Entity& entity : found) {
                    ok = ok || (e.name == entity.name && matches(entity, e) &&
                                (e.mention.empty() || has_mention(entity, e.mention)));
                }
                BOOST_TEST(ok, "expected " << spec);
            }
            for (const std::string_view spec : row.absent) {
                const Expectation e = parse(spec);
                for (const Entity& entity : found) {
                    BOOST_TEST(!matches(entity, e), "unexpected " << spec);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(each_entity_once_mentions_distinct_in_order) {
    const auto found = Extractor::shared().extract(
        "",
        "Putin met Macron on Monday. Vladimir Putin later called Emmanuel Macron again, and "
        "Putin hung up on Macron.",
        "en");
    BOOST_TEST(describe(found) ==
               "person:Vladimir Putin [Putin;Vladimir Putin;] "
               "person:Emmanuel Macron [Macron;Emmanuel Macron;] ");
}

BOOST_AUTO_TEST_CASE(empty_and_blank_articles_have_no_entities) {
    const Extractor& extractor = Extractor::shared();
    BOOST_TEST(extractor.extract("", "", "en").empty());
    BOOST_TEST(extractor.extract("  \n ", "\n\n\t", "").empty());
    BOOST_TEST(extractor.extract("", "no capital letters here at all.", "en").empty());
}

BOOST_AUTO_TEST_CASE(other_languages_get_their_country_names_only) {
    const Extractor& extractor = Extractor::shared();
    const auto german = extractor.extract(
        "Russland droht der Ukraine",
        "Die Regierung in Moskau warnte am Montag die Vereinigten Staaten und Deutschland.", "de");
    BOOST_TEST(describe(german) ==
               "place:Russia [Russland;] place:Ukraine [Ukraine;] place:Germany [Deutschland;] ");
    BOOST_TEST(extractor.extract("", "Wladimir Putin sprach mit Olaf Scholz.", "de").empty());
    BOOST_TEST(extractor.extract("", "\xE4\xB9\xA0\xE8\xBF\x91\xE5\xB9\xB3", "zh").empty());
}

BOOST_AUTO_TEST_CASE(extract_is_thread_safe) {
    const std::string body =
        "Kremlin spokesman Dmitry Peskov said Vladimir Putin would meet "
        "Emmanuel Macron in Moscow.";
    const std::string expected = describe(Extractor::shared().extract("", body, "en"));
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < results.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) {
                results[t] = describe(Extractor::shared().extract("", body, "en"));
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    for (const std::string& result : results) {
        BOOST_TEST(result == expected);
    }
}

BOOST_AUTO_TEST_SUITE_END()
