#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace morgue::entities {

// What is known about a token, as bits of Token::flags. The tokeniser sets the lexical ones;
// prepare_document() adds those that need the line or the whole article.

/// Has a letter.
inline constexpr std::uint32_t kHasLetter = 1u << 0;
/// Has a digit.
inline constexpr std::uint32_t kHasDigit = 1u << 1;
/// The first letter is upper case.
inline constexpr std::uint32_t kUpperFirst = 1u << 2;
/// Has letters, none of them lower case.
inline constexpr std::uint32_t kAllUpper = 1u << 3;
/// Has a lower-case letter.
inline constexpr std::uint32_t kHasLower = 1u << 4;
/// Upper case after a lower-case letter: McDonald, iPhone.
inline constexpr std::uint32_t kInnerUpper = 1u << 5;
/// A word with a hyphen inside: Moscow-backed.
inline constexpr std::uint32_t kHyphen = 1u << 6;
/// A word with a full stop: U.S., Corp.
inline constexpr std::uint32_t kPeriod = 1u << 7;
/// A word with an apostrophe inside: O'Brien.
inline constexpr std::uint32_t kApostrophe = 1u << 8;
/// 's or ’s split from the word before.
inline constexpr std::uint32_t kPossessive = 1u << 9;
/// . ! ? or …
inline constexpr std::uint32_t kSentenceEnd = 1u << 10;
/// A quotation mark.
inline constexpr std::uint32_t kQuote = 1u << 11;
/// ( [ {
inline constexpr std::uint32_t kOpenBracket = 1u << 12;
/// ) ] }
inline constexpr std::uint32_t kCloseBracket = 1u << 13;
/// A dash standing alone: - – —
inline constexpr std::uint32_t kDash = 1u << 14;
/// A comma.
inline constexpr std::uint32_t kComma = 1u << 15;
/// The first token of its line.
inline constexpr std::uint32_t kLineStart = 1u << 16;
/// The first word of a sentence (after any opening quotes or brackets).
inline constexpr std::uint32_t kSentenceStart = 1u << 17;
/// May be part of a name: the tagger scores it.
inline constexpr std::uint32_t kCandidate = 1u << 18;
/// In the article's title.
inline constexpr std::uint32_t kTitle = 1u << 19;
/// On a line whose case says nothing: ALL CAPS, Title Case.
inline constexpr std::uint32_t kUncased = 1u << 20;
/// The place of a dateline: "MOSCOW, Feb 21 (Reuters) -".
inline constexpr std::uint32_t kDateline = 1u << 21;
/// The word occurs in lower case elsewhere in the article.
inline constexpr std::uint32_t kSeenLower = 1u << 22;
/// The word occurs capitalised inside a cased sentence.
inline constexpr std::uint32_t kSeenCapital = 1u << 23;
/// Of, de, van, &, and: lower case inside a name.
inline constexpr std::uint32_t kConnective = 1u << 24;
/// On a Title Case title (uncased, but not ALL CAPS).
inline constexpr std::uint32_t kTitleCase = 1u << 25;

/// A word or punctuation mark of an article, with what the tagger needs to know about it.
struct Token {
    std::uint32_t begin = 0;        ///< byte offset of the first byte in the text
    std::uint32_t end = 0;          ///< byte offset past the last byte
    std::uint32_t line = 0;         ///< index of its line
    std::uint32_t flags = 0;        ///< TokenFlag bits
    std::uint64_t key = 0;          ///< hash of the lower-cased form (’ read as ', “ as ")
    std::uint32_t shape = 0;        ///< hash of the shape, runs kept up to 4: Xxxx, X.X., dddd
    std::uint32_t short_shape = 0;  ///< hash of the shape, runs collapsed: Xx, X.X., d
    std::uint32_t lower_shape = 0;  ///< short shape of the lower-cased form (uncased lines)
    std::uint32_t gazetteer = 0;    ///< B/I/L/U bits per gazetteer list (see lexicon.h)
    std::uint16_t cues = 0;         ///< the cue lists the word belongs to (see lexicon.h)
    std::uint16_t letters = 0;      ///< number of letters, up to 65535

    /// True when every bit of flag is set.
    bool has(std::uint32_t flag) const { return (flags & flag) == flag; }
};

/// Splits text into tokens and appends them to out, offsets relative to text, with their
/// keys and lexical flags. Words keep
/// inner hyphens, apostrophes and the full stops of abbreviations (U.S., Corp., J.);
/// punctuation around them, possessive 's / ’s and a full stop glued between two words
/// ("Sunday.White") become tokens of their own. '\n' starts a new line.
void tokenize(std::string_view text, std::vector<Token>& out);

/// Computes the shapes of a token (tokenize() leaves them out: only the candidates and
/// their neighbours need them).
void describe_shape(std::string_view text, Token& token);

/// The key of a word as tokenize() computes it (lower-cased, quotes and dashes unified).
std::uint64_t word_key(std::string_view word);

}  // namespace morgue::entities
