#include "content.h"

#include <algorithm>
#include <array>
#include <memory>
#include <utility>
#include <vector>

#include "cleanup.h"
#include "grab.h"
#include "hints.h"
#include "text.h"

namespace morgue::html {

namespace {

// Never story text, removed before anything is measured: code, styles, the head, embedded
// objects and form controls, navigation, dialogs. (Asides and footers go too, once walked
// for a byline: see grab_article.)
constexpr std::array<std::string_view, 20> kRemovedTags = {
    "head",   "script",   "style",  "noscript", "template", "link",     "meta",
    "svg",    "canvas",   "iframe", "object",   "embed",    "button",   "input",
    "select", "textarea", "option", "nav",      "dialog",   "frameset",
};
// Names of furniture removed in every attempt (see is_furniture).
constexpr std::array<std::string_view, 6> kFurnitureHints = {
    "comment", "disqus", "related", "outbrain", "taboola", "newsletter",
};
constexpr std::array<std::string_view, 6> kConsentHints = {
    "cookie", "consent", "gdpr", "cmp-banner", "privacy-banner", "onetrust",
};
constexpr std::size_t kMaxBannerChars = 2000;

// The text of one attempt, kept in case no attempt reaches kMinArticleChars.
struct Attempt {
    ExtractedContent content;
    std::size_t length = 0;
};

bool is_hidden(const Node& node) {
    std::string style;
    for (const char c : node.attribute("style")) {
        if (c != ' ') {
            style += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
    }
    const bool aria_hidden = node.attribute("aria-hidden") == "true" &&
                             node.attribute("class").find("fallback-image") == std::string::npos;
    return style.find("display:none") != std::string::npos ||
           style.find("visibility:hidden") != std::string::npos || node.has_attribute("hidden") ||
           aria_hidden;
}

bool has_any(std::string_view hints, const std::array<std::string_view, 6>& words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view word) {
        return hints.find(word) != std::string::npos;
    });
}

// A wrapper of the page's story: it is or holds <main>, <article> or the headline.
bool wraps_story(const Node& node) {
    if (node.is("body") || node.is("main") || node.is("article")) {
        return true;
    }
    bool holds = false;
    for_each_element(node, [&](const Node& e) {
        holds = holds || e.is("main") || e.is("article") || e.is("h1");
    });
    return holds;
}

// Comment threads, related-story lists, recommendation widgets and consent banners are never
// the story, so they go in every attempt, even those that stop removing other unlikely
// candidates: a short brief must not give way to the longer comment thread below it. Blocks
// also named for content ("comment-content") are spared, and so are wrappers of the story
// whose classes merely mention such things ("has-comments"); a consent banner is also short.
bool is_furniture(const Node& node) {
    const std::string hints = hint_text(node);
    const bool named = has_any(hints, kFurnitureHints) || has_any(hints, kConsentHints);
    if (!named || is_maybe_content_hint(hints) || wraps_story(node)) {
        return false;
    }
    return has_any(hints, kFurnitureHints) || text_length(inner_text(node)) < kMaxBannerChars;
}

bool is_removed_up_front(const Node& node) {
    if (std::find(kRemovedTags.begin(), kRemovedTags.end(), node.tag) != kRemovedTags.end() ||
        is_hidden(node)) {
        return true;
    }
    const std::string_view role = node.attribute("role");
    return role == "navigation" || role == "dialog" || role == "alertdialog" || is_furniture(node);
}

void strip(Node& node) {
    remove_children_if(
        node, [](const Node& child) { return !child.is_text() && is_removed_up_front(child); });
    for (const auto& child : node.children) {
        if (child->is("font")) {
            child->tag = "span";
        }
        strip(*child);
    }
}

using Children = std::vector<std::unique_ptr<Node>>;

// Index of the next node from i on that is not white-space text.
std::size_t skip_space(const Children& nodes, std::size_t i) {
    while (i < nodes.size() && nodes[i]->is_text() && is_whitespace(*nodes[i])) {
        ++i;
    }
    return i;
}

// Two or more <br> with only white space between them.
bool starts_br_chain(const Children& nodes, std::size_t i) {
    const std::size_t next = skip_space(nodes, i + 1);
    return nodes[i]->is("br") && next < nodes.size() && nodes[next]->is("br");
}

// The chain starting at old[i] becomes a <p> holding the phrasing content that follows it,
// up to the next chain; returns where the rest begins.
std::size_t paragraph_from_chain(Children& old, std::size_t i, Node& parent) {
    Node& p = append(parent, std::move(old[i]));
    p.tag = "p";
    std::size_t next = i + 1;
    for (std::size_t br = skip_space(old, next); br < old.size() && old[br]->is("br");
         br = skip_space(old, next)) {
        for (; next < br; ++next) {
            append(p, std::move(old[next]));  // the white space between the <br>s
        }
        next = br + 1;  // the <br> itself is dropped
    }
    for (; next < old.size() && !starts_br_chain(old, next) && is_phrasing(*old[next]); ++next) {
        append(p, std::move(old[next]));
    }
    while (!p.children.empty() && is_whitespace(*p.children.back())) {
        p.children.pop_back();
    }
    return next;
}

// "text<br><br>more text" is how old pages write paragraphs: each chain of <br> becomes a <p>
// (built in one pass over the children, since long pages have thousands of them).
void replace_br_chains(Node& node) {
    bool has_chain = false;
    for (std::size_t i = 0; i < node.children.size() && !has_chain; ++i) {
        has_chain = starts_br_chain(node.children, i);
    }
    if (has_chain) {
        Children old = std::move(node.children);
        node.children.clear();
        for (std::size_t i = 0; i < old.size();) {
            if (starts_br_chain(old, i)) {
                i = paragraph_from_chain(old, i, node);
            } else {
                append(node, std::move(old[i++]));
            }
        }
        if (node.is("p")) {
            node.tag = "div";  // a <p> cannot hold paragraphs
        }
    }
    for (const auto& child : node.children) {
        replace_br_chains(*child);
    }
}

// Drops the next judgement still in force; false when none is left.
bool relax(ExtractionFlags& flags) {
    for (bool* flag : {&flags.strip_unlikely, &flags.weight_classes, &flags.clean_conditionally}) {
        if (*flag) {
            *flag = false;
            return true;
        }
    }
    return false;
}

Attempt attempt(const Node& prepared, const ExtractionFlags& flags, std::string_view title) {
    const std::unique_ptr<Node> page = clone(prepared);
    Attempt result;
    const std::unique_ptr<Node> article = grab_article(*page, flags, title, result.content.byline);
    clean_article(*article, flags);
    result.content.text = render_paragraphs(*article);
    result.length = text_length(inner_text(*article));
    return result;
}

}  // namespace

ExtractedContent extract_content(const Node& root, std::string_view title) {
    const std::unique_ptr<Node> prepared = clone(root);
    strip(*prepared);
    replace_br_chains(*prepared);
    ExtractionFlags flags;
    std::vector<Attempt> attempts;
    do {
        attempts.push_back(attempt(*prepared, flags, title));
        if (attempts.back().length >= kMinArticleChars) {
            return std::move(attempts.back().content);
        }
    } while (relax(flags));
    // No attempt found a full article. A stricter attempt is trusted over a looser one unless
    // the looser finds at least twice as much text: a short news brief must not give way to the
    // comment section that the looser rules let in.
    auto best = attempts.begin();
    for (auto it = attempts.begin() + 1; it != attempts.end(); ++it) {
        if (it->length >= 2 * best->length && it->length > best->length) {
            best = it;
        }
    }
    return std::move(best->content);
}

}  // namespace morgue::html
