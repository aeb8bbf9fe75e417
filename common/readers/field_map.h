#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../article.h"

namespace morgue {

/// The article fields a record's keys map onto.
enum class Field {
    id, title, body, date, source, url, author, lang,
    topic,         ///< a collection's own subject codes or sections
    tag,           ///< a collection's own tags and keywords
    person,        ///< entity lists a record carries
    organisation,
    place,
    organization,  ///< the sender's organisation of a mail or post (stored, not searched)
};

/// "title", "body", ... (the names --map takes).
std::optional<Field> field_from_name(std::string_view name);

/// Which record keys feed which article field: the common spellings (title/headline,
/// body/text/content/maintext/article, date/published/date_publish/pubDate/timestamp, ...),
/// matched case-insensitively, with --map FIELD=KEY overrides (dotted paths for nested JSON).
class FieldMap {
  public:
    FieldMap();
    /// "title=headline.main"; false (with *error set) when FIELD is unknown or KEY is empty.
    bool add_override(std::string_view spec, std::string* error);
    /// The values of a field in a record, best-matching key first: the override when given,
    /// else the first common spelling present (for date, every date-like key, in spelling order).
    std::vector<std::string> values(const Record& record, Field field) const;

  private:
    std::map<Field, std::vector<std::string>> keys_;  ///< lower-case keys, in priority order
    std::map<Field, std::string> overrides_;
};

}  // namespace morgue
