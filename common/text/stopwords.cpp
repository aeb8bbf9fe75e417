#include "stopwords.h"

#include <algorithm>
#include <array>

namespace morgue::text {

namespace {

// Sorted, for binary search. Function words of questions and connectives; no content words.
constexpr std::array<std::string_view, 120> kEnglish = {
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
    "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for",
    "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
    "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "me",
    "more", "most", "my", "myself", "no", "nor", "of", "off", "on", "once", "only", "or", "other",
    "our", "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than",
    "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those",
    "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when",
    "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
    "yours", "yourself"};

}  // namespace

bool is_stopword(std::string_view iso639_1, std::string_view word) {
    if (iso639_1 != "en" && !iso639_1.empty()) {
        return false;
    }
    return std::binary_search(kEnglish.begin(), kEnglish.end(), word);
}

}  // namespace morgue::text
