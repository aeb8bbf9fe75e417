#include "article.h"

namespace morgue {

std::string to_string(const Origin& origin) {
    if (origin.line == 0) {
        return origin.path;
    }
    return origin.path + ":" + std::to_string(origin.line);
}

}  // namespace morgue
