#pragma once

#include <string_view>

namespace morgue::text {

/// True for a function word of the language ("the", "what", "did" in English) that carries
/// no topic: questions typed as whole sentences drop these at query time so that every
/// document containing "the" does not match. Only lower-case words are listed.
bool is_stopword(std::string_view iso639_1, std::string_view word);

}  // namespace morgue::text
