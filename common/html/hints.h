#pragma once

// What the class and id attributes of an element hint about it ("article-body" against
// "comment-list"), and the word lists content extraction judges elements by. Most lists are
// those of Mozilla Readability; the news-specific additions (cookie and consent banners,
// newsletter sign-ups, recommendation widgets) are marked where they are defined.

#include <string>
#include <string_view>

#include "dom.h"

namespace morgue::html {

/// The class and id of an element, lower-cased and joined by a space: what the hints match.
std::string hint_text(const Node& node);

/// Furniture by name: comments, menus, sidebars, footers, social and sponsor blocks, related
/// stories, pagination, pop-ups, cookie banners, newsletter sign-ups.
bool is_unlikely_hint(std::string_view hints);

/// Names that may still hold the story even when is_unlikely_hint matches ("article",
/// "body", "content", "main", "column").
bool is_maybe_content_hint(std::string_view hints);

/// Names of content: article, body, content, entry, main, page, post, text, blog, story.
bool is_positive_hint(std::string_view hints);

/// Names of furniture that lowers an element's score: comment, footer, masthead, meta,
/// promo, related, share, sidebar, sponsor, tags, widget, hidden ...
bool is_negative_hint(std::string_view hints);

/// Names of a byline: byline, author, dateline, writtenby.
bool is_byline_hint(std::string_view hints);

/// Names of share buttons: "share" or "sharedaddy" as a word of the name.
bool is_share_hint(std::string_view hints);

/// ARIA roles of furniture: menu, menubar, complementary, navigation, alert, dialog ...
bool is_unlikely_role(std::string_view role);

/// True when the whole text of an element is an advertising label or a loading notice
/// ("Advertisement", "Werbung", "Loading…").
bool is_ad_or_loading_text(std::string_view text);

/// -25, 0 or +25 for each of class and id: negative names lower, positive names raise.
int class_weight(const Node& node);

}  // namespace morgue::html
