#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon.h"
#include "tokenizer.h"

namespace morgue::entities {

/// A line of an article: the unit the tagger decodes (a name never crosses a line break).
struct Line {
    std::uint32_t first = 0;  ///< index of its first token
    std::uint32_t end = 0;    ///< index past its last token
};

/// An article made ready for tagging: its text, tokens described in context, and lines.
/// Reused from article to article so that its buffers are allocated once per thread.
struct Document {
    std::string text;             ///< the title, '\n', then the body
    std::size_t body_offset = 0;  ///< where the body starts in text
    std::vector<Token> tokens;
    std::vector<Line> lines;

    /// Scratch table of the words seen in the article (see prepare_document).
    std::vector<std::uint64_t> seen_keys;
    std::vector<std::uint8_t> seen_flags;

    /// The bytes of a token.
    std::string_view token_text(const Token& token) const {
        return std::string_view(text).substr(token.begin, token.end - token.begin);
    }
};

/// Builds doc from an article's title and body: tokens with their line modes (ALL CAPS
/// and Title Case lines are uncased), sentence starts, candidates (capitalised words and
/// the connectives between them), datelines, gazetteer and cue bits, and what the article
/// says elsewhere about each capitalised word (kSeenLower, kSeenCapital).
void prepare_document(std::string_view title, std::string_view body, const Lexicon& lexicon,
                      Document& doc);

}  // namespace morgue::entities
