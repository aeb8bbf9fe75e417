#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace morgue::conll {

/// A CoNLL-2003 word and its IOB1 name tag (O, I-PER, B-LOC ...).
struct Word {
    std::string text;
    std::string tag;
};

/// A sentence: one word per line in the file, a blank line after it.
using Sentence = std::vector<Word>;

/// The sentences between two -DOCSTART- lines (and before the first one).
struct Document {
    std::vector<Sentence> sentences;
};

/// Reads a CoNLL-2003 file (word, part of speech, chunk, name tag per line); throws
/// std::runtime_error when it cannot be read.
std::vector<Document> read_documents(const std::string& path);

/// A gold name: its CoNLL type (PER, ORG, LOC, MISC) and byte range in RebuiltDocument::text().
struct GoldName {
    std::string type;
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// A document rebuilt as issue 3 prescribes: the first sentence is the title, the others the
/// body, one sentence per line; words joined by one space, none before , . ; : ! ? ) ] % and
/// 's n't 're 've 'll 'd 'm, none after ( [ $.
struct RebuiltDocument {
    std::string title;
    std::string body;
    std::vector<GoldName> names;  ///< in order, offsets into text()

    /// title + '\n' + body: the text the extractor's document is made of.
    std::string text() const { return title + '\n' + body; }
};

/// Rebuilds a document and the byte ranges of its gold names (IOB1: a name runs over
/// consecutive I- tags of one type; B- starts a new one).
RebuiltDocument rebuild(const Document& document);

}  // namespace morgue::conll
