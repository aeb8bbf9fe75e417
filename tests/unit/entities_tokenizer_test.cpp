#define BOOST_TEST_MODULE entities_tokenizer
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "common/entities/document.h"
#include "common/entities/embedded_data.h"
#include "common/entities/lexicon.h"
#include "common/entities/model.h"
#include "common/entities/tokenizer.h"

namespace entities = morgue::entities;

namespace {

struct TokenCase {
    std::string_view text;
    std::string_view tokens;  // joined by '|'
};

const std::vector<TokenCase> kTokens = {
    {"Ukraine's military said", "Ukraine|'s|military|said"},
    {"Ukraine\xE2\x80\x99s border service", "Ukraine|\xE2\x80\x99s|border|service"},
    {"UKRAINE'S FSB", "UKRAINE|'S|FSB"},
    {"Ukraine 's army", "Ukraine|'s|army"},
    {"the Ministers' meeting", "the|Ministers|'|meeting"},
    {"O'Brien said", "O'Brien|said"},
    {"Moscow-backed separatists", "Moscow-backed|separatists"},
    {"the U.S. has warned", "the|U.S.|has|warned"},
    {"troops in the U.S..", "troops|in|the|U.S.|."},
    {"shares of Acme Widgets Inc. rose", "shares|of|Acme|Widgets|Inc.|rose"},
    {"said Putin.", "said|Putin|."},
    {"J. Smith won", "J.|Smith|won"},
    {"on Sunday.White House via / Reuters", "on|Sunday|.|White|House|via|/|Reuters"},
    {"\xE2\x80\x9Cin principle\xE2\x80\x9D if", "\xE2\x80\x9C|in|principle|\xE2\x80\x9D|if"},
    {"MOSCOW, Feb 21 (Reuters) - Russia", "MOSCOW|,|Feb|21|(|Reuters|)|-|Russia"},
    {"WASHINGTON \xE2\x80\x94 Former", "WASHINGTON|\xE2\x80\x94|Former"},
    {"belongs to Nbcnews.com", "belongs|to|Nbcnews.com"},
    {"1,000 troops and 10:30 a.m. talks", "1,000|troops|and|10:30|a.m.|talks"},
    {"Reuters/Ipsos poll", "Reuters|/|Ipsos|poll"},
    {"wait...what", "wait|...|what"},
    {"AT&T and Procter & Gamble", "AT&T|and|Procter|&|Gamble"},
};

std::string joined(std::string_view text) {
    std::vector<entities::Token> tokens;
    entities::tokenize(text, tokens);
    std::string out;
    for (const entities::Token& token : tokens) {
        out += out.empty() ? "" : "|";
        out += text.substr(token.begin, token.end - token.begin);
    }
    return out;
}

const entities::Lexicon& lexicon() {
    static const entities::Lexicon lexicon(entities::embedded_entity_file_or_throw);
    return lexicon;
}

// The words of a document with a flag, joined by '|'.
std::string flagged(const entities::Document& doc, std::uint32_t flag) {
    std::string out;
    for (const entities::Token& token : doc.tokens) {
        if (token.has(flag)) {
            out += out.empty() ? "" : "|";
            out += doc.token_text(token);
        }
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(entities_tokenizer)

BOOST_AUTO_TEST_CASE(tokens_of_news_text) {
    for (const TokenCase& row : kTokens) {
        BOOST_TEST_CONTEXT(row.text) {
            BOOST_TEST(joined(row.text) == row.tokens);
        }
    }
}

BOOST_AUTO_TEST_CASE(keys_ignore_case_and_apostrophe_style) {
    BOOST_TEST(entities::word_key("Ukraine") == entities::word_key("UKRAINE"));
    BOOST_TEST(entities::word_key("'s") == entities::word_key("\xE2\x80\x99s"));
    BOOST_TEST(entities::word_key("M\xC3\x9CLLER") == entities::word_key("m\xC3\xBCller"));
    BOOST_TEST(entities::word_key("Ukraine") != entities::word_key("Ukrain"));
}

BOOST_AUTO_TEST_CASE(sentence_starts_lines_and_candidates) {
    entities::Document doc;
    entities::prepare_document(
        "", "\"We will,\" Peskov said. Officials in Kyiv said so.\nThe Bank of England agreed.",
        lexicon(), doc);
    BOOST_TEST(flagged(doc, entities::kSentenceStart) == "We|Officials|The");
    BOOST_TEST(flagged(doc, entities::kCandidate) ==
               "We|Peskov|Officials|Kyiv|The|Bank|of|England");
    BOOST_TEST(flagged(doc, entities::kConnective) == "of");
    BOOST_TEST(flagged(doc, entities::kSeenCapital) == "Peskov|Kyiv|Bank|England");
}

BOOST_AUTO_TEST_CASE(uncased_lines_and_datelines) {
    entities::Document doc;
    entities::prepare_document("RUSSIA WARNS UKRAINE",
                               "MOSCOW, Feb 21 (Reuters) - Russia warned Ukraine.\n"
                               "WASHINGTON \xE2\x80\x94 The White House said.\n"
                               "Putin, Biden and Macron spoke.",
                               lexicon(), doc);
    BOOST_TEST(flagged(doc, entities::kUncased) == "RUSSIA|WARNS|UKRAINE");
    BOOST_TEST(flagged(doc, entities::kTitle) == "RUSSIA|WARNS|UKRAINE");
    BOOST_TEST(flagged(doc, entities::kDateline) == "MOSCOW|WASHINGTON");
    BOOST_TEST(flagged(doc, entities::kSeenLower) == "");
}

BOOST_AUTO_TEST_CASE(title_case_titles_keep_words_with_evidence) {
    entities::Document doc;
    entities::prepare_document("Biden Meets Macron In Paris As Crisis Deepens",
                               "President Joe Biden met Emmanuel Macron on Tuesday as the crisis "
                               "deepened.",
                               lexicon(), doc);
    BOOST_TEST(flagged(doc, entities::kTitleCase) ==
               "Biden|Meets|Macron|In|Paris|As|Crisis|Deepens");
    BOOST_TEST(flagged(doc, entities::kCandidate) ==
               "Biden|Macron|Paris|President|Joe|Biden|Emmanuel|Macron|Tuesday");
}

BOOST_AUTO_TEST_CASE(gazetteers_mark_the_longest_name) {
    entities::Document doc;
    entities::prepare_document("", "He flew from Rio de Janeiro to Bosnia and Herzegovina.",
                               lexicon(), doc);
    const auto bits = [&](std::size_t i, entities::List list) {
        return doc.tokens[i].gazetteer & entities::list_bits(list);
    };
    // He flew from Rio de Janeiro to Bosnia and Herzegovina .
    // 0  1    2    3   4  5       6  7      8   9           10
    const std::uint32_t begin = 1, inside = 2, last = 4;
    BOOST_TEST(bits(3, entities::List::city) == begin << 8);
    BOOST_TEST(bits(4, entities::List::city) == inside << 8);
    BOOST_TEST(bits(5, entities::List::city) == last << 8);
    BOOST_TEST(bits(7, entities::List::country) == begin);
    BOOST_TEST(bits(8, entities::List::country) == inside);
    BOOST_TEST(bits(9, entities::List::country) == last);
    BOOST_TEST(bits(1, entities::List::city) == 0u);
    BOOST_TEST((doc.tokens[1].cues & entities::kCueTitle) == 0u);
}

BOOST_AUTO_TEST_CASE(model_format_round_trip) {
    entities::ModelRow row{12345, {}};
    row.weights[0] = 100;   // O
    row.weights[1] = -40;   // B-PER
    row.weights[16] = 300;  // U-MISC
    entities::ModelRow transition{entities::transition_feature(4), {}};
    transition.weights[0] = 7;   // U-PER -> O
    transition.weights[5] = -9;  // U-PER -> B-ORG
    std::vector<entities::ModelRow> rows = {row, transition};
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.feature < b.feature; });
    const entities::Model model = entities::Model::parse(entities::serialise_model(rows, 2.5f));
    BOOST_TEST(model.size() == 2u);
    entities::FeatureSet features;
    features.ids[0] = 12345;
    features.ids[1] = 999;  // unknown: adds nothing
    features.size = 2;
    std::array<std::int32_t, entities::kTagCount> scores{};
    model.emissions(features, scores);
    BOOST_TEST(scores[0] == 0);  // relative to O
    BOOST_TEST(scores[1] == -140);
    BOOST_TEST(scores[2] == -100);
    BOOST_TEST(scores[16] == 200);
    BOOST_TEST(model.transition(4, 0) == 7);  // transitions keep their full weights
    BOOST_TEST(model.transition(4, 5) == -9);
    BOOST_TEST(model.transition(0, 5) == 0);
}

BOOST_AUTO_TEST_CASE(model_refuses_other_files) {
    BOOST_CHECK_THROW(entities::Model::parse("not weights"), std::runtime_error);
    std::string bytes = entities::serialise_model({}, 1.0f);
    bytes[8] = 99;  // another feature schema
    BOOST_CHECK_THROW(entities::Model::parse(bytes), std::runtime_error);
    BOOST_CHECK_THROW(entities::Model::parse(entities::serialise_model({}, 1.0f) + "x"),
                      std::runtime_error);
    BOOST_CHECK_NO_THROW(
        entities::Model::parse(std::string(entities::embedded_entity_file("ner-weights.bin"))));
}

BOOST_AUTO_TEST_SUITE_END()
