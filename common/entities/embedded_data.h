#pragma once

#include <string>
#include <string_view>

namespace morgue::entities {

/// The bytes of a data/entities file compiled into the library (cmake/EmbedFiles.cmake
/// generates the definition), empty for a name it does not hold.
std::string_view embedded_entity_file(std::string_view file_name);

/// The bytes of a compiled-in data/entities file; throws std::logic_error when the build did
/// not embed it (a data file left out of common/CMakeLists.txt).
std::string embedded_entity_file_or_throw(std::string_view file_name);

}  // namespace morgue::entities
