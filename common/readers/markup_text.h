#pragma once

// Text out of SGML-ish markup that no parser should be asked to read: newswire SGML with
// broken tags, HTML parts of mail. Private to common/readers/.

#include <string>
#include <string_view>
#include <vector>

namespace morgue {

/// Character references decoded: numeric (&#5; &#x41;) and the common named ones (&lt; &amp;
/// &nbsp; &eacute; &mdash; ...). Control characters from references are dropped except tab
/// and line feed; unknown names and malformed references stay as written.
std::string decode_entities(std::string_view text);

/// The text of markup: tags removed (block tags such as <p>, <br>, <div>, <li>, <tr> become line
/// breaks, a paragraph being "\n\n"), comments and the content of <script>, <style> and <head>
/// dropped, entities decoded. Line breaks and spaces of the text itself are kept.
std::string markup_to_text(std::string_view markup);

/// Where an element whose end tag is missing ends.
enum class OpenEnd {
    next_tag,  ///< where the next tag starts: for elements that hold a line of text
    end,       ///< at the end of the text: for elements that hold others (<TEXT>, <BODY>)
};

/// The contents of each <name ...>...</name> element in text, tag names matched ASCII
/// case-insensitively, in order. An element left open ends at the next one of the same name,
/// or as open_end says.
std::vector<std::string_view> element_contents(std::string_view text, std::string_view name,
                                               OpenEnd open_end = OpenEnd::next_tag);

/// The contents of the first such element; empty when there is none.
std::string_view first_element(std::string_view text, std::string_view name,
                               OpenEnd open_end = OpenEnd::next_tag);

/// text without the named elements (tags and contents), for bodies that hold a title.
std::string without_elements(std::string_view text, const std::vector<std::string_view>& names);

/// The value of attribute name in a start tag ("<REUTERS NEWID=\"1\">" -> "1"); empty when
/// absent. Values may be quoted with " or ' or not at all.
std::string tag_attribute(std::string_view tag, std::string_view name);

}  // namespace morgue
