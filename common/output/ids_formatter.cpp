#include <ostream>

#include "formatters.h"

namespace morgue {

void IdsFormatter::write(const SearchResults& results, std::ostream& out) {
    for (const Hit& hit : results.hits) {
        out << hit.id << '\n';
    }
}

}  // namespace morgue
