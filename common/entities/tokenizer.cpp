#include "tokenizer.h"

#include <algorithm>
#include <array>
#include <cstddef>

#include "chars.h"
#include "hash.h"

namespace morgue::entities {

namespace {

bool is_apostrophe(char32_t c) {
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

bool is_hyphen(char32_t c) {
    return c == '-' || c == 0x2010 || c == 0x2011;
}

// The form a character takes in keys and shapes: one apostrophe, one double quote, one dash,
// so that "Ukraine’s" and "Ukraine's" look the same to the model.
char32_t unify(char32_t c) {
    switch (c) {
        case 0x2018:
        case 0x2019:
        case 0x02BC:
        case 0x0060:
        case 0x00B4:
            return '\'';
        case 0x201C:
        case 0x201D:
        case 0x201E:
        case 0x00AB:
        case 0x00BB:
            return '"';
        case 0x2010:
        case 0x2011:
        case 0x2012:
        case 0x2013:
        case 0x2014:
        case 0x2015:
        case 0x2212:
            return '-';
        default:
            return c;
    }
}

// Abbreviations whose full stop belongs to the word: titles, company forms, months.
constexpr std::array<std::string_view, 48> kAbbreviations = {
    "adm", "apr",  "aug", "ave", "bros", "capt",   "cmdr", "co",  "col", "corp", "dec",  "dept",
    "dr",  "etc",  "feb", "fig", "ft",   "gen",    "gov",  "hon", "inc", "jan",  "jr",   "jul",
    "jun", "lt",   "ltd", "maj", "mar",  "messrs", "mr",   "mrs", "ms",  "mt",   "no",   "nov",
    "oct", "prof", "rep", "rev", "sen",  "sep",    "sept", "sgt", "sr",  "st",   "univ", "vs"};

bool is_abbreviation(std::string_view word) {
    if (word.empty()) {
        return false;
    }
    if (word.find('.') != std::string_view::npos) {
        return true;  // U.S, a.m, U.N: the last full stop closes the pattern
    }
    const Char first = char_at(word, 0);
    if (first.length == word.size() && is_wordish(first.kind)) {
        return true;  // an initial: "J. Smith"
    }
    if (word.size() > 6) {
        return false;
    }
    std::array<char, 6> lower{};
    for (std::size_t i = 0; i < word.size(); ++i) {
        const char c = word[i];
        lower[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return std::binary_search(kAbbreviations.begin(), kAbbreviations.end(),
                              std::string_view(lower.data(), word.size()));
}

// Splits one chunk of non-space text; appends the tokens of the chunk in order.
class ChunkSplitter {
  public:
    ChunkSplitter(std::string_view text, std::vector<Token>& out) : text_(text), out_(out) {}

    void split(std::size_t a, std::size_t b, std::uint32_t line) {
        line_ = line;
        a = peel_leading(a, b);
        if (a < b && possessive_at(a, b)) {
            emit(a, b, kPossessive);  // "Ukraine 's"
            return;
        }
        std::size_t trailing_count = 0;
        b = peel_trailing(a, b, trailing_count);
        split_core(a, b);
        for (std::size_t i = trailing_count; i > 0; --i) {
            emit(trailing_[i - 1].begin, trailing_[i - 1].end, trailing_[i - 1].flags);
        }
    }

  private:
    struct Piece {
        std::size_t begin;
        std::size_t end;
        std::uint32_t flags;
    };

    void emit(std::size_t begin, std::size_t end, std::uint32_t flags) {
        if (begin < end) {
            Token token;
            token.begin = static_cast<std::uint32_t>(begin);
            token.end = static_cast<std::uint32_t>(end);
            token.line = line_;
            token.flags = flags;
            out_.push_back(token);
        }
    }

    // The end of a run of the same punctuation character starting at pos ("--", "``").
    std::size_t same_run(std::size_t pos, std::size_t b) const {
        const Char c = char_at(text_, pos);
        std::size_t end = pos + c.length;
        while (end < b && char_at(text_, end).code == c.code) {
            end += c.length;
        }
        return end;
    }

    bool is_word_char(std::size_t pos) const {
        const CharClass kind = char_at(text_, pos).kind;
        return is_wordish(kind) || kind == CharClass::digit;
    }

    std::size_t peel_leading(std::size_t a, std::size_t b) {
        while (a < b && !is_word_char(a)) {
            if (possessive_at(a, b)) {
                break;  // "'s" standing alone after a space
            }
            const std::size_t end = same_run(a, b);
            emit(a, end, 0);
            a = end;
        }
        return a;
    }

    bool possessive_at(std::size_t pos, std::size_t b) const {
        const Char mark = char_at(text_, pos);
        if (!is_apostrophe(mark.code) || pos + mark.length + 1 != b) {
            return false;
        }
        const char s = text_[pos + mark.length];
        return s == 's' || s == 'S';
    }

    // The start of the character that ends at end (0 when end is 0).
    std::size_t previous_char(std::size_t end) const {
        if (end == 0) {
            return 0;
        }
        std::size_t start = end - 1;
        while (start > 0 && (static_cast<unsigned char>(text_[start]) & 0xC0) == 0x80) {
            --start;
        }
        return start;
    }

    std::size_t peel_trailing(std::size_t a, std::size_t b, std::size_t& count) {
        while (b > a && count < trailing_.size()) {
            const std::size_t last = previous_char(b);
            if (possessive_suffix(a, b)) {
                const std::size_t mark = previous_char(last);
                trailing_[count++] = {mark, b, kPossessive};
                b = mark;
            } else if (text_[last] == '.') {
                const std::size_t start = dots_start(a, b);
                if (b - start == 1 && is_abbreviation(text_.substr(a, start - a))) {
                    break;
                }
                const std::size_t cut = b - start == 2 ? b - 1 : start;  // "U.S.." keeps one
                trailing_[count++] = {cut, b, 0};
                b = cut;
            } else if (!is_word_char(last)) {
                const std::size_t start = run_start(a, last);
                trailing_[count++] = {start, b, 0};
                b = start;
            } else {
                break;
            }
        }
        return b;
    }

    // True when text[a, b) ends in 's or ’s after a letter.
    bool possessive_suffix(std::size_t a, std::size_t b) const {
        if (b - a < 3 || (text_[b - 1] != 's' && text_[b - 1] != 'S')) {
            return false;
        }
        const std::size_t mark = previous_char(b - 1);
        if (mark <= a || !is_apostrophe(char_at(text_, mark).code)) {
            return false;
        }
        return is_wordish(char_at(text_, previous_char(mark)).kind);
    }

    std::size_t dots_start(std::size_t a, std::size_t b) const {
        std::size_t start = b;
        while (start > a && text_[start - 1] == '.') {
            --start;
        }
        return start;
    }

    std::size_t run_start(std::size_t a, std::size_t last) const {
        const char32_t code = char_at(text_, last).code;
        std::size_t start = last;
        while (start > a) {
            const std::size_t before = previous_char(start);
            if (char_at(text_, before).code != code) {
                break;
            }
            start = before;
        }
        return start;
    }

    // Whether the character at pos, between word characters, stays inside the word.
    bool joins(std::size_t pos, std::size_t a, std::size_t b) const {
        const Char c = char_at(text_, pos);
        const std::size_t next = pos + c.length;
        if (c.code == '.' && pos > a && next + 1 < b && is_hyphen(char_at(text_, next).code) &&
            is_word_char(previous_char(pos))) {
            return true;  // "U.S.-led": the abbreviation's full stop, then the hyphen
        }
        if (is_hyphen(c.code) && pos > a + 1 && text_[pos - 1] == '.' && next < b &&
            is_word_char(next)) {
            return true;
        }
        if (pos == a || next >= b || !is_word_char(previous_char(pos)) || !is_word_char(next)) {
            return false;
        }
        if (c.code == '.') {
            return !glued_sentence(pos);
        }
        if (c.code == ',' || c.code == ':') {
            return char_at(text_, previous_char(pos)).kind == CharClass::digit &&
                   char_at(text_, next).kind == CharClass::digit;
        }
        return is_hyphen(c.code) || is_apostrophe(c.code) || c.code == '&' || c.code == '_' ||
               c.code == '@' || c.code == '+';
    }

    // "Sunday.White": a full stop between a lower-case word and a capitalised one is a
    // sentence end that lost its space; "U.S." and "nbcnews.com" are not.
    bool glued_sentence(std::size_t dot) const {
        const std::size_t before_start = previous_char(dot);
        if (before_start == 0) {
            return false;
        }
        const CharClass before = char_at(text_, before_start).kind;
        const CharClass before2 = char_at(text_, previous_char(before_start)).kind;
        const Char after = char_at(text_, dot + 1);
        if (dot + 1 + after.length >= text_.size()) {
            return false;
        }
        const CharClass after2 = char_at(text_, dot + 1 + after.length).kind;
        return before == CharClass::lower && before2 == CharClass::lower &&
               after.kind == CharClass::upper && after2 == CharClass::lower;
    }

    void split_core(std::size_t a, std::size_t b) {
        std::size_t start = a;
        std::size_t pos = a;
        while (pos < b) {
            const Char c = char_at(text_, pos);
            // A full stop left at the end belongs to an abbreviation (peel_trailing kept it).
            const bool abbreviation = c.code == '.' && pos + 1 == b && pos > a;
            if (is_wordish(c.kind) || c.kind == CharClass::digit || abbreviation ||
                joins(pos, a, b)) {
                pos += c.length;
                continue;
            }
            emit(start, pos, 0);
            const std::size_t end = same_run(pos, b);
            emit(pos, end, 0);
            start = pos = end;
        }
        emit(start, b, 0);
    }

    std::string_view text_;
    std::vector<Token>& out_;
    std::uint32_t line_ = 0;
    std::array<Piece, 16> trailing_;  // left uninitialised: only what split() wrote is read
};

// Shape classes: a case letter, a digit, or the (unified) punctuation character itself.
char32_t shape_class(const Char& c) {
    switch (c.kind) {
        case CharClass::upper:
            return 'X';
        case CharClass::lower:
        case CharClass::letter:
        case CharClass::mark:
            return 'x';
        case CharClass::digit:
            return 'd';
        default:
            return unify(c.code);
    }
}

struct ShapeHasher {
    std::uint64_t hash = kHashSeed;
    char32_t last = 0;
    int run = 0;
    int limit = 4;

    void add(char32_t cls) {
        run = cls == last ? run + 1 : 1;
        last = cls;
        if (run <= limit) {
            hash = hash_step(hash, cls);
        }
    }
};

std::uint32_t punctuation_flags(std::string_view text, const Token& token) {
    const char32_t first = unify(char_at(text, token.begin).code);
    const std::string_view s = text.substr(token.begin, token.end - token.begin);
    if (s.find_first_not_of(".!?") == std::string_view::npos || s == "\xE2\x80\xA6") {
        return kSentenceEnd;
    }
    switch (first) {
        case '"':
        case '\'':
            return kQuote;
        case '(':
        case '[':
        case '{':
            return kOpenBracket;
        case ')':
        case ']':
        case '}':
            return kCloseBracket;
        case '-':
            return kDash;
        case ',':
            return kComma;
        default:
            return 0;
    }
}

// Fills in the lexical description of a token: key, case flags, letter count. Shapes are
// left to describe_shape(), which only the tokens the tagger looks at need.
void describe(std::string_view text, Token& token) {
    std::uint64_t key = kHashSeed;
    unsigned letters = 0, uppers = 0, lowers = 0;
    bool digit = false, upper_first = false, inner_upper = false;
    for (std::size_t pos = token.begin; pos < token.end;) {
        const Char c = char_at(text, pos);
        key = hash_step(key, unify(to_lower(c.code)));
        if (is_wordish(c.kind) && c.kind != CharClass::mark) {
            upper_first = letters == 0 ? c.kind == CharClass::upper : upper_first;
            inner_upper = inner_upper || (c.kind == CharClass::upper && lowers > 0);
            ++letters;
            uppers += c.kind == CharClass::upper;
            lowers += c.kind == CharClass::lower;
        } else if (c.kind == CharClass::digit) {
            digit = true;
        } else if (pos > token.begin && pos + c.length < token.end) {
            token.flags |= is_hyphen(c.code) ? kHyphen : 0;
            token.flags |= c.code == '.' ? kPeriod : 0;
            token.flags |= is_apostrophe(c.code) ? kApostrophe : 0;
        } else if (c.code == '.' && pos > token.begin) {
            token.flags |= kPeriod;
        }
        pos += c.length;
    }
    token.key = key;
    token.letters = static_cast<std::uint16_t>(std::min(letters, 65535u));
    token.flags |= letters > 0 ? kHasLetter : 0;
    token.flags |= digit ? kHasDigit : 0;
    token.flags |= upper_first ? kUpperFirst : 0;
    token.flags |= letters > 0 && lowers == 0 && uppers > 0 ? kAllUpper : 0;
    token.flags |= lowers > 0 ? kHasLower : 0;
    token.flags |= inner_upper ? kInnerUpper : 0;
    if (letters == 0 && !digit) {
        token.flags |= punctuation_flags(text, token);
    }
}

}  // namespace

void tokenize(std::string_view text, std::vector<Token>& out) {
    const std::size_t first = out.size();
    ChunkSplitter splitter(text, out);
    std::uint32_t line = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const Char c = char_at(text, pos);
        if (c.kind == CharClass::newline) {
            ++line;
            pos += c.length;
            continue;
        }
        if (c.kind == CharClass::space) {
            pos += c.length;
            continue;
        }
        std::size_t end = pos + c.length;
        while (end < text.size()) {
            const auto byte = static_cast<unsigned char>(text[end]);
            if (byte > ' ' && byte < 0x80) {
                ++end;  // printable ASCII: no need to decode
                continue;
            }
            const Char next = char_at(text, end);
            if (next.kind == CharClass::space || next.kind == CharClass::newline) {
                break;
            }
            end += next.length;
        }
        splitter.split(pos, end, line);
        pos = end;
    }
    for (std::size_t i = first; i < out.size(); ++i) {
        describe(text, out[i]);
    }
}

void describe_shape(std::string_view text, Token& token) {
    ShapeHasher shape;
    ShapeHasher short_shape{kHashSeed, 0, 0, 1};
    ShapeHasher lower_shape{kHashSeed, 0, 0, 1};
    for (std::size_t pos = token.begin; pos < token.end;) {
        const Char c = char_at(text, pos);
        const char32_t cls = shape_class(c);
        shape.add(cls);
        short_shape.add(cls);
        lower_shape.add(cls == 'X' ? 'x' : cls);
        pos += c.length;
    }
    token.shape = static_cast<std::uint32_t>(shape.hash);
    token.short_shape = static_cast<std::uint32_t>(short_shape.hash);
    token.lower_shape = static_cast<std::uint32_t>(lower_shape.hash);
}

std::uint64_t word_key(std::string_view word) {
    std::uint64_t key = kHashSeed;
    for (std::size_t pos = 0; pos < word.size();) {
        const Char c = char_at(word, pos);
        key = hash_step(key, unify(to_lower(c.code)));
        pos += c.length;
    }
    return key;
}

}  // namespace morgue::entities
