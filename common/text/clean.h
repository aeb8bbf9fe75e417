#pragma once

#include <string>
#include <string_view>

namespace morgue::text {

/// An article body with the page furniture removed.
struct CleanBody {
    std::string body;
    /// A publisher named by an attribution line ("Source: | This article originally belongs
    /// to Nbcnews.com" -> "Nbcnews.com"), empty when none.
    std::string source_hint;
};

/// Removes what scrapers leave around a story: trailing comment forms ("Leave a Reply",
/// "Your email address will not be published"), teaser blocks ("You May Also Like",
/// "Related stories", "Read more"), share prompts; drops the attribution line after taking
/// its publisher. Paragraph breaks are kept as "\n\n", white space inside lines normalised.
CleanBody clean_body(std::string_view body);

/// The plain-text title convention: the first line is the title when it reads as a headline
/// (short, no sentence-final full stop, followed by a blank line or more text); else the title
/// is the first sentence, shortened at a word boundary. Returns {title, body} where body no
/// longer contains a headline line taken as the title.
struct TitledText {
    std::string title;
    std::string body;
};
TitledText split_title(std::string_view text);

}  // namespace morgue::text
