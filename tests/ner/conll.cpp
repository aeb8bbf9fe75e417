#include "conll.h"

#include <array>
#include <fstream>
#include <stdexcept>

namespace morgue::conll {

namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

bool no_space_before(std::string_view word) {
    static constexpr std::array<std::string_view, 16> kAttached = {
        ",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m"};
    const std::string lower = lower_ascii(word);
    for (const std::string_view attached : kAttached) {
        if (lower == attached) {
            return true;
        }
    }
    return false;
}

bool no_space_after(std::string_view word) {
    return word == "(" || word == "[" || word == "$";
}

// Appends a sentence to out, recording the gold names with offsets shifted by base.
void append_sentence(const Sentence& sentence, std::size_t base, std::string& out,
                     std::vector<GoldName>& names) {
    std::string open_type;
    for (std::size_t i = 0; i < sentence.size(); ++i) {
        const Word& word = sentence[i];
        if (i > 0 && !no_space_before(word.text) && !no_space_after(sentence[i - 1].text)) {
            out += ' ';
        }
        const std::size_t begin = base + out.size();
        out += word.text;
        const std::size_t end = base + out.size();
        if (word.tag == "O" || word.tag.size() < 3) {
            open_type.clear();
            continue;
        }
        const std::string type = word.tag.substr(2);
        if (word.tag[0] == 'B' || type != open_type) {
            names.push_back(GoldName{type, begin, end});
            open_type = type;
        } else {
            names.back().end = end;
        }
    }
}

}  // namespace

std::vector<Document> read_documents(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error(path + ": cannot open the CoNLL-2003 file");
    }
    std::vector<Document> documents(1);
    Sentence sentence;
    const auto end_sentence = [&] {
        if (!sentence.empty()) {
            documents.back().sentences.push_back(std::move(sentence));
            sentence.clear();
        }
    };
    std::string line;
    while (std::getline(in, line)) {
        if (line.starts_with("-DOCSTART-")) {
            end_sentence();
            if (!documents.back().sentences.empty()) {
                documents.emplace_back();
            }
            continue;
        }
        const std::size_t first_space = line.find(' ');
        const std::size_t last_space = line.rfind(' ');
        if (first_space == std::string::npos) {
            end_sentence();
            continue;
        }
        sentence.push_back(Word{line.substr(0, first_space), line.substr(last_space + 1)});
    }
    end_sentence();
    if (documents.back().sentences.empty()) {
        documents.pop_back();
    }
    return documents;
}

RebuiltDocument rebuild(const Document& document) {
    RebuiltDocument rebuilt;
    if (document.sentences.empty()) {
        return rebuilt;
    }
    append_sentence(document.sentences.front(), 0, rebuilt.title, rebuilt.names);
    const std::size_t body_base = rebuilt.title.size() + 1;
    for (std::size_t s = 1; s < document.sentences.size(); ++s) {
        if (s > 1) {
            rebuilt.body += '\n';
        }
        append_sentence(document.sentences[s], body_base, rebuilt.body, rebuilt.names);
    }
    return rebuilt;
}

}  // namespace morgue::conll
