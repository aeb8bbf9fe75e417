#include "ranking.h"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

namespace morgue {

namespace {

/// What the capitals of a word say.
enum class Shape {
    lower,        ///< "shelling"
    capitalised,  ///< "Kremlin", "McDonald"
    upper,        ///< "NATO", "AND": an acronym or an operator
    none,         ///< no letter: "2022", "--"
};

Shape shape_of(std::string_view word) {
    int letters = 0;
    int lower = 0;
    bool first_upper = false;
    for (Xapian::Utf8Iterator it(word.data(), word.size()); it != Xapian::Utf8Iterator(); ++it) {
        Xapian::Unicode::category c = Xapian::Unicode::get_category(*it);
        bool up = c == Xapian::Unicode::UPPERCASE_LETTER || c == Xapian::Unicode::TITLECASE_LETTER;
        bool low = c == Xapian::Unicode::LOWERCASE_LETTER;
        first_upper = letters == 0 ? up : first_upper;
        letters += up || low ? 1 : 0;
        lower += low ? 1 : 0;
    }
    if (letters == 0) {
        return Shape::none;
    }
    if (!first_upper) {
        return Shape::lower;
    }
    return lower == 0 && letters > 1 ? Shape::upper : Shape::capitalised;
}

/// A whitespace-separated token of a query.
struct Token {
    std::size_t begin = 0;
    std::size_t end = 0;
    Shape shape = Shape::none;
    bool fixed = false;  ///< in or next to quotes, or a field:value: left as typed
    bool lower = false;  ///< to be read lower-case
};

std::vector<Token> tokens_of(std::string_view text) {
    std::vector<Token> tokens;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size();) {
        if (std::isspace(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        Token token{i, text.find_first_of(" \t\n\r\f\v", i)};
        token.end = token.end == std::string_view::npos ? text.size() : token.end;
        std::string_view word = text.substr(token.begin, token.end - token.begin);
        std::size_t quotes = std::count(word.begin(), word.end(), '"');
        std::size_t colon = word.find(':');
        bool field = colon != std::string_view::npos && colon + 1 < word.size();
        token.fixed = quoted || quotes > 0 || field;
        token.shape = shape_of(word);
        quoted = quoted != (quotes % 2 == 1);
        tokens.push_back(token);
        i = token.end;
    }
    return tokens;
}

bool ends_sentence(std::string_view text, const Token& token) {
    char last = text[token.end - 1];
    return last == '.' || last == '?' || last == '!' || last == ':';
}

bool capitalised(const Token& token) {
    return !token.fixed && token.shape == Shape::capitalised;
}

/// A run of capitalised words goes on over a colon ("Ukraine: Troops Advance"), not over
/// other punctuation ("Putin, Macron, Scholz").
bool ends_run(std::string_view text, const Token& token) {
    char last = text[token.end - 1];
    return last == '.' || last == '?' || last == '!' || last == ',' || last == ';';
}

/// The first word of each sentence, its capital the sentence's; unless a capitalised word
/// follows it, as in a name ("Sao Paulo").
void mark_sentence_starts(std::string_view text, std::vector<Token>& tokens) {
    bool start = true;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        bool name =
            !ends_run(text, tokens[i]) && i + 1 < tokens.size() && capitalised(tokens[i + 1]);
        tokens[i].lower = tokens[i].lower || (start && capitalised(tokens[i]) && !name);
        start = ends_sentence(text, tokens[i]);
    }
}

/// Words short and lower-case enough to sit inside a headline: "of", "the", "to", "and".
constexpr std::size_t kMaxHeadlineJoiner = 3;
/// Capitalised words in a row that make a headline rather than a name.
constexpr std::size_t kMinHeadlineWords = 3;

/// A short lower-case word between two capitalised ones ("Bank of England").
bool joins(const std::vector<Token>& tokens, std::size_t i) {
    const Token& token = tokens[i];
    return token.shape == Shape::lower && !token.fixed &&
           token.end - token.begin <= kMaxHeadlineJoiner && i + 1 < tokens.size() &&
           capitalised(tokens[i + 1]);
}

/// The capitalised words of the run that starts at tokens[first], and the token after it.
std::pair<std::vector<std::size_t>, std::size_t> capitalised_run(std::string_view text,
                                                                 const std::vector<Token>& tokens,
                                                                 std::size_t first) {
    std::vector<std::size_t> run;
    std::size_t i = first;
    while (i < tokens.size() && (capitalised(tokens[i]) || (!run.empty() && joins(tokens, i)))) {
        if (capitalised(tokens[i])) {
            run.push_back(i);
        }
        if (ends_run(text, tokens[i++])) {
            break;
        }
    }
    return {run, i};
}

/// Runs of kMinHeadlineWords or more capitalised words (a headline in title case): their
/// capitals mark the style, not names.
void mark_headlines(std::string_view text, std::vector<Token>& tokens) {
    for (std::size_t i = 0; i < tokens.size();) {
        auto [run, next] = capitalised_run(text, tokens, i);
        if (run.size() >= kMinHeadlineWords) {
            for (std::size_t word : run) {
                tokens[word].lower = true;
            }
        }
        i = std::max(next, i + 1);
    }
}

}  // namespace

std::string lower_incidental_capitals(std::string_view text) {
    std::vector<Token> tokens = tokens_of(text);
    mark_sentence_starts(text, tokens);
    mark_headlines(text, tokens);
    std::string out;
    std::size_t done = 0;
    for (const Token& token : tokens) {
        if (!token.lower) {
            continue;
        }
        out.append(text, done, token.begin - done);
        std::string word(text.substr(token.begin, token.end - token.begin));
        out += Xapian::Unicode::tolower(word);
        done = token.end;
    }
    out.append(text, done);
    return out;
}

const Xapian::Weight& relevance_weight() {
    static const Xapian::BM25Weight weight(kBm25K1, 0, 1, kBm25B, 0.5);
    return weight;
}

namespace {

/// --expand reads kFeedbackArticles of the best matches, takes this many words from them, and
/// gives each word this weight relative to a word of the query: chosen on the test collections
/// together (README "Ranking").
constexpr Xapian::termcount kFeedbackWords = 20;
constexpr double kFeedbackWeight = 0.3;

/// Stemmed words only ("Z" terms of the free text): boolean terms and fields have capital
/// prefixes, and a word's unstemmed form would count it twice.
class StemsOnly : public Xapian::ExpandDecider {
  public:
    bool operator()(const std::string& term) const override {
        return term.size() > 1 && term[0] == 'Z' && !(term[1] >= 'A' && term[1] <= 'Z');
    }
};

}  // namespace

Xapian::Query expanded_query(Xapian::Enquire& enquire, const Xapian::Query& query,
                             const Xapian::RSet& best) {
    enquire.set_query(query);
    if (best.empty()) {
        return query;  // nothing, or no ranking to learn from (a filter or "*" alone)
    }
    StemsOnly stems;
    Xapian::ESet words =
        enquire.get_eset(kFeedbackWords, best, Xapian::Enquire::USE_EXACT_TERMFREQ, &stems);
    std::vector<Xapian::Query> extra;
    for (auto it = words.begin(); it != words.end(); ++it) {
        extra.emplace_back(*it);
    }
    if (extra.empty()) {
        return query;
    }
    Xapian::Query more(Xapian::Query::OP_OR, extra.begin(), extra.end());
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, more, kFeedbackWeight));
}

}  // namespace morgue
