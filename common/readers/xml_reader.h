#pragma once

// The XML article reader behind make_reader(). Private to common/readers/ and its tests.

#include <cstddef>
#include <string>
#include <string_view>

#include "reader.h"

namespace morgue {

/// One article per XML file, parsed with libxml2 (its declared encoding honoured; without a
/// declaration, bytes that are not UTF-8 are read as Windows-1252; no network, no external
/// entities). Every element's text becomes a field named by its path below the root, dotted
/// like nested JSON keys (<article><head><title> -> "head.title"; namespace prefixes dropped),
/// so the common spellings and --map apply; attributes become "path@name", and the root's
/// own attributes plain "name" (xml:lang -> "lang"). An element holding text mixed with
/// elements, or markup such as <p>, <br>, <em>, gives its whole text as one value, a paragraph
/// break at each block. NITF documents (<nitf>) are recognised: "id" (doc-id), "title"
/// (hedline/hl1, else head/title), "body" (body.content), "date" (date.issue, date.release,
/// pubdata, story.date, dateline), "author" (byline persons, else the byline), "source"
/// (pubdata name, else the copyright holder, else distributor), "url" (pubdata ex-ref),
/// "lang" (xml:lang) and "tags" (key-list keywords), then their other elements as above. A
/// file that is not well-formed is read as far as libxml2 can recover it, with a warning.
class XmlReader : public Reader {
  public:
    /// One article's XML, pictures and all, stays far below this.
    static constexpr std::size_t kMaxFile = std::size_t{64} << 20;
    explicit XmlReader(std::size_t max_file = kMaxFile);
    void read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
              const DiagnosticSink& diagnostics) override;

  private:
    std::size_t max_file_;
};

/// NITF's compact ISO 8601 ("20240115T120000-0500") in the extended form that parse_date
/// reads ("2024-01-15T12:00:00-05:00"); other text is returned as it is.
std::string expand_compact_date(std::string_view norm);

}  // namespace morgue
