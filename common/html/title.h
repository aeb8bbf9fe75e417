#pragma once

// The headline inside a page's <title>, which usually carries the site's name as well
// ("Storm floods harbour | The Coast Herald").

#include <string>
#include <string_view>

namespace morgue::html {

/// How much of b is made of words that a also has, weighted by their length: 1 when every
/// word of b is in a, 0 when none is (or either has no words). Words are runs of letters and
/// digits, ASCII lower-cased.
double title_similarity(std::string_view a, std::string_view b);

/// True when a part of a title names the site: equal to the site name or the host's name
/// once case, spaces and punctuation are ignored, or one containing the other
/// ("The Washington Post" and "Washington Post", "NBC News" and "nbcnews.com").
bool names_site(std::string_view part, std::string_view site_name, std::string_view host);

/// The headline within a <title>: the title is split at the separators sites put between
/// headline and branding (" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / ", "_" ...),
/// and leading and trailing parts that name the site (names_site) are dropped. Parts that
/// name something else (a section, an author) stay: without the site's name to go by, a
/// shorter title would be a guess.
std::string headline_from_title(std::string_view title, std::string_view site_name,
                                std::string_view host);

}  // namespace morgue::html
