#include "embedded_data.h"

#include <stdexcept>

namespace morgue::entities {

std::string embedded_entity_file_or_throw(std::string_view file_name) {
    const std::string_view bytes = embedded_entity_file(file_name);
    if (bytes.empty()) {
        throw std::logic_error("entities: data/entities/" + std::string(file_name) +
                               " was not compiled in; list it in common/CMakeLists.txt");
    }
    return std::string(bytes);
}

}  // namespace morgue::entities
