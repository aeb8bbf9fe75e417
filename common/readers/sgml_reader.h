#pragma once

// The newswire SGML reader behind make_reader(). Private to common/readers/ and its tests.

#include <cstddef>

#include "reader.h"

namespace morgue {

/// Newswire collections in SGML, read leniently (their markup is often broken): Reuters-21578
/// <REUTERS NEWID="n"> records and TREC <DOC> records, any number per file, streamed.
/// Each record is converted to UTF-8 on its own (Latin-1 and Windows-1252 bytes read as
/// Windows-1252), character references decoded, control characters (&#5; &#22; ...) dropped.
/// Reuters records give "id" ("reuters-<NEWID>"), "title", "body" (<BODY>, its hard-wrapped
/// lines joined into paragraphs; else the <TEXT> without title and dateline), "date",
/// "dateline", "author", "source" ("reuters"), "topics" (one per <TOPICS><D>), "tags" (one per
/// <PLACES>, <PEOPLE>, <ORGS> and <EXCHANGES> code) and "places" (the <PLACES> codes again).
/// TREC records give "id" (<DOCNO>), "title" (<HEADLINE>, <HEAD>, <HL>, <TITLE>, <TI>),
/// "body" (every <TEXT>), "date" (<DATE>, <DD>, <DATE_TIME>) and "author" (<BYLINE>, <BY>,
/// <AU>); a <DOC id="" url="" title=""> without those elements (WikiExtractor's output) gives
/// its attributes and its whole text as body. Origin::line is the line where the record
/// starts. A record left open ends where the next one starts or at the end of the file.
class NewswireReader : public Reader {
  public:
    /// No newswire story comes near this; a longer "record" is a missing end tag.
    static constexpr std::size_t kMaxRecord = std::size_t{16} << 20;
    explicit NewswireReader(std::size_t max_record = kMaxRecord);
    void read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
              const DiagnosticSink& diagnostics) override;

  private:
    std::size_t max_record_;
};

}  // namespace morgue
