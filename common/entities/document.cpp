#include "document.h"

#include <algorithm>
#include <array>

#include "hash.h"

namespace morgue::entities {

namespace {

// Lower-case words that join the capitalised words of one name: "Bank of England",
// "Bosnia and Herzegovina", "Ludwig van Beethoven", "Procter & Gamble".
constexpr std::array<std::uint64_t, 25> kConnectives = {
    hash_text("of"),  hash_text("de"),  hash_text("del"), hash_text("della"), hash_text("der"),
    hash_text("den"), hash_text("van"), hash_text("von"), hash_text("da"),    hash_text("di"),
    hash_text("du"),  hash_text("des"), hash_text("la"),  hash_text("le"),    hash_text("al"),
    hash_text("el"),  hash_text("bin"), hash_text("ibn"), hash_text("y"),     hash_text("and"),
    hash_text("&"),   hash_text("for"), hash_text("the"), hash_text("upon"),  hash_text("dos")};

// Short words a Title Case headline leaves in lower case.
constexpr std::array<std::uint64_t, 24> kFunctionWords = {
    hash_text("a"),    hash_text("an"),  hash_text("the"),  hash_text("of"),  hash_text("in"),
    hash_text("on"),   hash_text("at"),  hash_text("to"),   hash_text("for"), hash_text("and"),
    hash_text("or"),   hash_text("but"), hash_text("with"), hash_text("by"),  hash_text("from"),
    hash_text("as"),   hash_text("is"),  hash_text("are"),  hash_text("vs"),  hash_text("via"),
    hash_text("into"), hash_text("nor"), hash_text("per"),  hash_text("v")};

// Month names and abbreviations, the second part of a dateline: "MOSCOW, Feb 21".
constexpr std::array<std::uint64_t, 36> kMonths = {
    hash_text("jan"),      hash_text("jan."),     hash_text("january"),   hash_text("feb"),
    hash_text("feb."),     hash_text("february"), hash_text("mar"),       hash_text("mar."),
    hash_text("march"),    hash_text("apr"),      hash_text("apr."),      hash_text("april"),
    hash_text("may"),      hash_text("jun"),      hash_text("jun."),      hash_text("june"),
    hash_text("jul"),      hash_text("jul."),     hash_text("july"),      hash_text("aug"),
    hash_text("aug."),     hash_text("august"),   hash_text("sep"),       hash_text("sep."),
    hash_text("sept"),     hash_text("sept."),    hash_text("september"), hash_text("oct"),
    hash_text("oct."),     hash_text("october"),  hash_text("nov"),       hash_text("nov."),
    hash_text("november"), hash_text("dec"),      hash_text("dec."),      hash_text("december")};

template <std::size_t N>
bool contains(const std::array<std::uint64_t, N>& keys, std::uint64_t key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

bool is_word(const Token& token) {
    return (token.flags & (kHasLetter | kHasDigit)) != 0;
}

// Groups tokens into lines and renumbers Token::line as an index into doc.lines.
void build_lines(Document& doc) {
    doc.lines.clear();
    std::uint32_t raw_line = 0;
    for (std::uint32_t i = 0; i < doc.tokens.size(); ++i) {
        Token& token = doc.tokens[i];
        if (doc.lines.empty() || token.line != raw_line) {
            raw_line = token.line;
            doc.lines.push_back(Line{i, i});
            token.flags |= kLineStart;
        }
        token.line = static_cast<std::uint32_t>(doc.lines.size() - 1);
        doc.lines.back().end = i + 1;
    }
}

// ALL CAPS lines anywhere, and a title in Title Case, carry no case information: the
// tagger must read their words as it reads uncased text. Returns the flags of the line.
std::uint32_t case_mode(const Document& doc, const Line& line, bool title) {
    unsigned words = 0, upper = 0, content = 0, capitalised = 0;
    for (std::uint32_t i = line.first; i < line.end; ++i) {
        const Token& token = doc.tokens[i];
        if (token.letters < 2) {
            continue;
        }
        ++words;
        upper += token.has(kAllUpper);
        if (title && !contains(kFunctionWords, token.key)) {
            ++content;
            capitalised += token.has(kUpperFirst);
        }
    }
    if (upper > 0 && 10 * upper >= 7 * words) {
        return kUncased;
    }
    return title && content >= 3 && 10 * capitalised >= 8 * content ? kUncased | kTitleCase : 0;
}

void mark_lines(Document& doc) {
    for (const Line& line : doc.lines) {
        const bool title = doc.tokens[line.first].begin < doc.body_offset;
        std::uint32_t flags = title ? kTitle : 0;
        flags |= case_mode(doc, line, title);
        bool expect_start = true;
        for (std::uint32_t i = line.first; i < line.end; ++i) {
            Token& token = doc.tokens[i];
            token.flags |= flags;
            if (is_word(token)) {
                token.flags |= expect_start ? kSentenceStart : 0;
                expect_start = false;
            } else if (token.has(kSentenceEnd)) {
                expect_start = true;
            } else if (!(token.flags & (kQuote | kOpenBracket | kDash))) {
                expect_start = false;
            }
        }
    }
}

bool is_capitalised(const Token& token) {
    return token.has(kHasLetter) && (token.flags & (kUpperFirst | kInnerUpper | kAllUpper));
}

void mark_candidates(Document& doc) {
    std::vector<Token>& tokens = doc.tokens;
    for (Token& token : tokens) {
        token.flags |= is_capitalised(token) ? kCandidate : 0;
    }
    for (std::size_t i = 1; i + 1 < tokens.size(); ++i) {
        Token& token = tokens[i];
        if (token.has(kCandidate) || !tokens[i - 1].has(kCandidate) ||
            tokens[i - 1].line != token.line || !contains(kConnectives, token.key)) {
            continue;
        }
        std::size_t next = i + 1;
        if (next + 1 < tokens.size() && contains(kConnectives, tokens[next].key)) {
            ++next;  // "Bank of the West"
        }
        if (tokens[next].has(kCandidate) && !tokens[next].has(kConnective) &&
            tokens[next].line == token.line) {
            token.flags |= kCandidate | kConnective;
        }
    }
}

bool is_place_word(const Token& token, bool caps) {
    return token.has(kHasLetter) && (caps ? token.has(kAllUpper) && token.letters >= 2
                                          : token.has(kUpperFirst) && !token.has(kAllUpper));
}

// The number of place words a dateline line starts with, 0 when the line is no dateline.
// "LONDON 1996-08-30", "MOSCOW, Feb 21 (Reuters) -", "WASHINGTON — Former ...", and in
// mixed case only with the date: "Moscow, Feb. 21 (Reuters)".
std::uint32_t dateline_length(const Document& doc, const Line& line) {
    const std::vector<Token>& t = doc.tokens;
    const bool caps = t[line.first].has(kAllUpper);
    std::uint32_t k = line.first;
    while (k < line.end && k - line.first < 4 && is_place_word(t[k], caps)) {
        ++k;
    }
    const std::uint32_t length = k - line.first;
    if (length == 0 || k + 1 >= line.end) {
        return 0;
    }
    if (t[k].has(kComma)) {
        ++k;
        // "SPRINGFIELD, Ill., March 2": skip a state or country before the date.
        for (std::uint32_t n = 0; n < 3 && k + 1 < line.end && !contains(kMonths, t[k].key) &&
                                  (t[k].has(kUpperFirst) || t[k].has(kComma));
             ++n) {
            ++k;
        }
    }
    if (k + 1 < line.end && contains(kMonths, t[k].key) && t[k + 1].has(kHasDigit)) {
        return length;
    }
    const bool date = t[k].has(kHasDigit) && !t[k].has(kHasLetter) &&
                      doc.token_text(t[k]).find_first_of("-/") != std::string_view::npos;
    const bool marker = t[k].has(kOpenBracket) || t[k].has(kDash);
    return caps && (date || marker) ? length : 0;
}

void mark_datelines(Document& doc) {
    for (const Line& line : doc.lines) {
        if (doc.tokens[line.first].has(kTitle)) {
            continue;  // "SOCCER - JAPAN GET LUCKY WIN" is a headline, not a dateline
        }
        const std::uint32_t length = dateline_length(doc, line);
        for (std::uint32_t i = line.first; i < line.first + length; ++i) {
            doc.tokens[i].flags |= kDateline;
        }
    }
}

constexpr std::uint8_t kSeenLowerBit = 1;
constexpr std::uint8_t kSeenCapitalBit = 2;

// A small open-addressing table of the article's capitalised words, filled with how they
// appear elsewhere in the article: its sentence-initial and headline words are judged by it.
class SeenTable {
  public:
    SeenTable(Document& doc, std::size_t entries) : keys_(doc.seen_keys), flags_(doc.seen_flags) {
        std::size_t size = 16;
        while (size < 2 * entries) {
            size *= 2;
        }
        keys_.assign(size, 0);
        flags_.assign(size, 0);
    }

    std::uint8_t& insert(std::uint64_t key) {
        const std::size_t i = probe(key);
        keys_[i] = key | 1;
        return flags_[i];
    }

    std::uint8_t* find(std::uint64_t key) {
        const std::size_t i = probe(key);
        return keys_[i] != 0 ? &flags_[i] : nullptr;
    }

  private:
    std::size_t probe(std::uint64_t key) const {
        key |= 1;
        const std::size_t mask = keys_.size() - 1;
        std::size_t i = static_cast<std::size_t>(key >> 17) & mask;
        while (keys_[i] != 0 && keys_[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    std::vector<std::uint64_t>& keys_;
    std::vector<std::uint8_t>& flags_;
};

void mark_seen(Document& doc) {
    std::size_t candidates = 0;
    for (const Token& token : doc.tokens) {
        candidates += token.has(kCandidate);
    }
    SeenTable seen(doc, candidates);
    for (const Token& token : doc.tokens) {
        if (token.has(kCandidate) && !token.has(kConnective)) {
            std::uint8_t& flags = seen.insert(token.key);
            if (!(token.flags & (kUncased | kSentenceStart))) {
                flags |= kSeenCapitalBit;
            }
        }
    }
    for (const Token& token : doc.tokens) {
        if (!token.has(kCandidate) && token.has(kHasLower) && !token.has(kUncased)) {
            if (std::uint8_t* flags = seen.find(token.key)) {
                *flags |= kSeenLowerBit;
            }
        }
    }
    for (Token& token : doc.tokens) {
        if (token.has(kCandidate) && !token.has(kConnective)) {
            const std::uint8_t flags = *seen.find(token.key);
            token.flags |= flags & kSeenLowerBit ? kSeenLower : 0;
            token.flags |= flags & kSeenCapitalBit ? kSeenCapital : 0;
        }
    }
}

// The lists whose names are evidence enough on a Title Case title: places, organisations,
// companies, given names (not the family-name list: it holds too many common words).
constexpr std::uint32_t kEvidenceLists = list_bits(List::country) | list_bits(List::region) |
                                         list_bits(List::city) | list_bits(List::given_name) |
                                         list_bits(List::company) | list_bits(List::organisation);

// On a Title Case title every word is capitalised, so capitals prove nothing: a word stays a
// candidate only with other evidence (capitalised inside a sentence of the body, a
// gazetteer name, an acronym, inner capitals as in "iPhone"). "Biden Meets Macron In
// Paris" keeps Biden, Macron and Paris.
void require_evidence_in_title_case(Document& doc) {
    std::vector<Token>& tokens = doc.tokens;
    for (Token& token : tokens) {
        if (token.has(kTitleCase | kCandidate) && !token.has(kConnective)) {
            const bool acronym = token.has(kAllUpper) && token.letters >= 2;
            const bool evidence = token.has(kSeenCapital) || (token.gazetteer & kEvidenceLists) ||
                                  acronym || token.has(kInnerUpper);
            token.flags &= evidence ? ~0u : ~kCandidate;
        }
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].has(kTitleCase | kConnective)) {
            const bool joined = i > 0 && tokens[i - 1].has(kCandidate) && i + 1 < tokens.size() &&
                                tokens[i + 1].has(kCandidate);
            tokens[i].flags &= joined ? ~0u : ~(kCandidate | kConnective);
        }
    }
}

// Shapes for the tagger: candidates and the tokens beside them.
void describe_shapes(Document& doc) {
    std::size_t done = 0;
    for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
        if (doc.tokens[i].has(kCandidate)) {
            for (std::size_t k = std::max(done, i > 0 ? i - 1 : 0);
                 k < std::min(doc.tokens.size(), i + 2); ++k) {
                describe_shape(doc.text, doc.tokens[k]);
                done = k + 1;
            }
        }
    }
}

}  // namespace

void prepare_document(std::string_view title, std::string_view body, const Lexicon& lexicon,
                      Document& doc) {
    doc.text.clear();
    doc.text.reserve(title.size() + body.size() + 1);
    doc.text.append(title);
    doc.text.push_back('\n');
    doc.body_offset = doc.text.size();
    doc.text.append(body);
    doc.tokens.clear();
    tokenize(doc.text, doc.tokens);
    build_lines(doc);
    mark_lines(doc);
    mark_candidates(doc);
    describe_shapes(doc);
    mark_datelines(doc);
    lexicon.annotate(doc.tokens);
    mark_seen(doc);
    require_evidence_in_title_case(doc);
}

}  // namespace morgue::entities
