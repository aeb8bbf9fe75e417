#pragma once

// Content detection for the archive, newswire, mail and XML formats, used by detect_format().
// Private to common/readers/.

#include <optional>
#include <string_view>

#include "reader.h"

namespace morgue {

/// The format of content whose first bytes (head) start, after a byte order mark and white
/// space, as:
/// "WARC/" or "filedesc://" -> warc; <REUTERS or <DOC, possibly after a document type
/// declaration -> sgml; "<?xml" or a first element that is not an HTML one -> xml (an <html>
/// root -> html); a "From " line followed by header lines -> mbox; a block of header lines
/// ("Name: value") that holds a known mail or news header (From, Subject, Newsgroups, ...)
/// -> mail. nullopt for anything else.
std::optional<Format> detect_feed_format(std::string_view head);

}  // namespace morgue
