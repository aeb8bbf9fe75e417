#pragma once

// The last pass of content extraction: what remains inside the chosen article container that
// is not story text (forms, share bars, link lists, teaser boxes) is removed.

#include "dom.h"

namespace morgue::html {

/// Which judgements of content extraction are in force. An attempt that finds too little text
/// drops the first one still set and runs again, as Readability does.
struct ExtractionFlags {
    bool strip_unlikely = true;       ///< remove elements named like furniture before scoring
    bool weight_classes = true;       ///< let class and id names raise or lower scores
    bool clean_conditionally = true;  ///< remove link-heavy or image-heavy blocks afterwards
};

/// Cleans the article container in place: removes footers, asides, embeds and form controls;
/// share elements of under 500 characters; h1/h2 headings named like furniture; and, when
/// flags.clean_conditionally, the forms, fieldsets, tables, lists and divs that look like
/// furniture by their counts (more links than text, more list items than paragraphs, images
/// without text, form inputs, a bare "Advertisement"), sparing data tables and code. Empty
/// paragraphs go; a table of one cell becomes its content.
void clean_article(Node& article, const ExtractionFlags& flags);

/// True when a table holds data rather than page layout: a caption, summary, th/thead/tfoot,
/// or at least 10 rows, more than 4 columns or more than 10 cells; never a table marked
/// role=presentation or one that nests another.
bool is_data_table(const Node& table);

}  // namespace morgue::html
