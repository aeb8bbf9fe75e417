#include "grab.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <utility>
#include <vector>

#include "hints.h"
#include "text.h"
#include "title.h"

namespace morgue::html {

namespace {

constexpr std::array<std::string_view, 9> kTagsToScore = {
    "section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre",
};
// Children that make a div a container rather than a paragraph.
constexpr std::array<std::string_view, 9> kBlockChildren = {
    "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul",
};
constexpr std::array<std::string_view, 39> kPhrasingTags = {
    "abbr",     "audio",    "b",    "bdo",      "br",     "button",   "cite",   "code",
    "data",     "datalist", "dfn",  "em",       "embed",  "i",        "img",    "input",
    "kbd",      "label",    "mark", "math",     "meter",  "noscript", "object", "output",
    "progress", "q",        "ruby", "samp",     "script", "select",   "small",  "span",
    "strong",   "sub",      "sup",  "textarea", "time",   "var",      "wbr",
};
constexpr std::array<std::string_view, 10> kEmptyRemovable = {
    "div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup",
};
constexpr std::array<std::string_view, 4> kSiblingTags = {"div", "article", "section", "p"};

constexpr std::size_t kTopCandidates = 5;
constexpr std::size_t kMinScoredText = 25;
constexpr std::size_t kAncestorLevels = 5;
constexpr std::size_t kMaxBylineChars = 100;
constexpr double kTitleSimilarity = 0.75;

template <std::size_t N>
bool among(std::string_view tag, const std::array<std::string_view, N>& tags) {
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

constexpr std::array<std::string_view, 8> kListLikeTags = {
    "address", "ol", "ul", "dl", "dd", "dt", "li", "form",
};
constexpr std::array<std::string_view, 7> kHeadingTags = {"h1", "h2", "h3", "h4", "h5", "h6", "th"};

bool has_block_child(const Node& node) {
    return std::any_of(node.children.begin(), node.children.end(), [](const auto& child) {
        return among(child->tag, kBlockChildren) || has_block_child(*child);
    });
}

bool has_single_child(const Node& node, std::string_view tag) {
    const std::vector<Node*> children = node.element_children();
    return children.size() == 1 && children[0]->is(tag) &&
           std::none_of(node.children.begin(), node.children.end(), [](const auto& child) {
               return child->is_text() && !inner_text(*child).empty();
           });
}

bool is_without_content(const Node& node) {
    if (!inner_text(node).empty()) {
        return false;
    }
    std::size_t breaks = 0;
    for_each_element(node, [&](const Node& e) { breaks += e.is("br") || e.is("hr") ? 1 : 0; });
    return node.element_children().size() == breaks;
}

// Scores and containers of one attempt.
class Grabber {
  public:
    Grabber(Node& page, const ExtractionFlags& flags, std::string_view title, std::string& byline)
        : page_(page), flags_(flags), title_(title), byline_(byline) {}

    std::unique_ptr<Node> run() {
        score_paragraphs(prepare_nodes());
        Node* top = top_candidate();
        return join_siblings(*top);
    }

  private:
    Node* remove_and_next(Node& node) {
        Node* next = next_element(node, true);
        remove(node);
        return next;
    }

    static bool names_author(const Node& node, std::string_view hints) {
        return node.attribute("rel") == "author" ||
               node.attribute("itemprop").find("author") != std::string::npos ||
               is_byline_hint(hints);
    }

    // Within a byline ("Tech Industry by Steven Musil, January 18"), the element that holds
    // just the name: a rel=author link, itemprop=name or a link to an author page, else a
    // class or id "author-name".
    static std::string name_within(const Node& byline) {
        std::string marked;
        std::string named;
        for_each_element(byline, [&](const Node& node) {
            const std::string hints = hint_text(node);
            if (marked.empty() &&
                (node.attribute("rel") == "author" ||
                 node.attribute("itemprop").find("name") != std::string::npos ||
                 (node.is("a") && node.attribute("href").find("/author") != std::string::npos))) {
                marked = inner_text(node);
            }
            if (named.empty() && (hints.find("author-name") != std::string::npos ||
                                  hints.find("authorname") != std::string::npos ||
                                  hints.find("author_name") != std::string::npos)) {
                named = inner_text(node);
            }
        });
        return marked.empty() ? named : marked;
    }

    bool takes_byline(const Node& node, std::string_view hints) {
        if (!byline_.empty() || !names_author(node, hints)) {
            return false;
        }
        std::string text = inner_text(node);
        if (text.empty() || text_length(text) >= kMaxBylineChars) {
            return false;
        }
        std::string name = name_within(node);
        byline_ = name.empty() ? std::move(text) : std::move(name);
        return true;
    }

    bool repeats_title(const Node& node) {
        if (title_removed_ || title_.empty() || !(node.is("h1") || node.is("h2"))) {
            return false;
        }
        title_removed_ = title_similarity(title_, inner_text(node)) > kTitleSimilarity;
        return title_removed_;
    }

    bool is_unlikely(const Node& node, std::string_view hints) const {
        if (!flags_.strip_unlikely || node.is("body") || node.is("a")) {
            return false;
        }
        if (is_unlikely_role(node.attribute("role"))) {
            return true;
        }
        return is_unlikely_hint(hints) && !is_maybe_content_hint(hints) &&
               !has_ancestor(node, "table", 3) && !has_ancestor(node, "code", 3);
    }

    static void trim_trailing_space(Node* p) {
        while (p != nullptr && !p->children.empty() && is_whitespace(*p->children.back())) {
            p->children.pop_back();
        }
    }

    // Loose phrasing content inside a div goes into paragraphs of its own (rebuilt in one
    // pass: a div may hold thousands of inline nodes).
    static void wrap_phrasing(Node& div) {
        std::vector<std::unique_ptr<Node>> old = std::move(div.children);
        div.children.clear();
        Node* p = nullptr;
        for (auto& child : old) {
            if (!is_phrasing(*child)) {
                trim_trailing_space(p);
                p = nullptr;
                append(div, std::move(child));
            } else if (p != nullptr) {
                append(*p, std::move(child));
            } else if (!is_whitespace(*child)) {
                p = &append(div, make_element("p"));
                append(*p, std::move(child));
            } else {
                append(div, std::move(child));
            }
        }
    }

    // A div that is really a paragraph becomes one, so that it is scored as one.
    Node* convert_div(Node& div, std::vector<Node*>& to_score) {
        wrap_phrasing(div);
        if (has_single_child(div, "p") && link_density(div) < 0.25) {
            std::unique_ptr<Node> p = detach(*div.element_children()[0]);
            Node* kept = p.get();
            replace(div, std::move(p));
            to_score.push_back(kept);
            return kept;
        }
        if (!has_block_child(div)) {
            div.tag = "p";
            to_score.push_back(&div);
        }
        return &div;
    }

    // Walks the page once: drops hidden dialogs, the byline, a heading repeating the title,
    // unlikely candidates and empty blocks; collects what is to be scored.
    std::vector<Node*> prepare_nodes() {
        std::vector<Node*> to_score;
        std::vector<Node*> ignored;
        Node* node = next_element(page_);
        while (node != nullptr) {
            const std::string hints = hint_text(*node);
            if ((node->attribute("aria-modal") == "true" && node->attribute("role") == "dialog") ||
                takes_byline(*node, hints) || repeats_title(*node) || is_unlikely(*node, hints) ||
                (among(node->tag, kEmptyRemovable) && is_without_content(*node))) {
                node = remove_and_next(*node);
                continue;
            }
            if (among(node->tag, kTagsToScore) && !in_page_furniture(*node)) {
                to_score.push_back(node);
            }
            if (node->is("div")) {
                node = convert_div(*node, in_page_furniture(*node) ? ignored : to_score);
            }
            node = next_element(*node);
        }
        // Asides and footers are walked (a byline may sit in one) but never hold the story.
        remove_furniture(page_);
        return to_score;
    }

    static bool in_page_furniture(const Node& node) {
        return has_ancestor(node, "aside") || has_ancestor(node, "footer");
    }

    static void remove_furniture(Node& node) {
        remove_children_if(
            node, [](const Node& child) { return child.is("aside") || child.is("footer"); });
        for (const auto& child : node.children) {
            remove_furniture(*child);
        }
    }

    double& score(Node& node) {
        auto [it, inserted] = scores_.try_emplace(&node, 0.0);
        if (inserted) {
            it->second = base_score(node);
            candidates_.push_back(&node);
        }
        return it->second;
    }

    bool scored(const Node& node) const { return scores_.count(&node) > 0; }

    double base_score(const Node& node) const {
        double base = 0;
        if (node.is("div")) {
            base = 5;
        } else if (node.is("pre") || node.is("td") || node.is("blockquote")) {
            base = 3;
        } else if (among(node.tag, kListLikeTags)) {
            base = -3;
        } else if (among(node.tag, kHeadingTags)) {
            base = -5;
        }
        return base + (flags_.weight_classes ? class_weight(node) : 0);
    }

    // Each paragraph scores 1, one per comma-separated clause and one per 100 characters (up
    // to 3); its parent gets the score, the grandparent half, and higher ancestors a third
    // divided by their level.
    void score_paragraphs(const std::vector<Node*>& to_score) {
        for (Node* element : to_score) {
            const std::string text = inner_text(*element);
            const std::size_t length = text_length(text);
            if (length < kMinScoredText || element->parent == nullptr) {
                continue;
            }
            const double points = 1.0 + static_cast<double>(count_commas(text) + 1) +
                                  static_cast<double>(std::min<std::size_t>(length / 100, 3));
            std::size_t level = 0;
            for (Node* ancestor = element->parent; ancestor != nullptr && level < kAncestorLevels;
                 ancestor = ancestor->parent, ++level) {
                if (ancestor->parent == nullptr) {
                    break;  // the <html> element is never the story
                }
                const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
                score(*ancestor) += points / divider;
            }
        }
    }

    std::vector<Node*> best_candidates() {
        std::vector<Node*> top;
        for (Node* candidate : candidates_) {
            double& value = scores_[candidate];
            value *= 1.0 - link_density(*candidate);
            auto at = std::find_if(top.begin(), top.end(),
                                   [&](Node* other) { return value > scores_[other]; });
            top.insert(at, candidate);
            if (top.size() > kTopCandidates) {
                top.pop_back();
            }
        }
        return top;
    }

    Node& body() {
        for (Node* child : page_.element_children()) {
            if (child->is("body")) {
                return *child;
            }
        }
        return page_;
    }

    // No scored container: the whole body, moved into a div of its own.
    Node* body_as_candidate() {
        Node& page_body = body();
        auto div = make_element("div");
        for (auto& child : page_body.children) {
            append(*div, std::move(child));
        }
        page_body.children.clear();
        Node& added = append(page_body, std::move(div));
        score(added);
        return &added;
    }

    // When three or more of the runners-up score nearly as well and share an ancestor, the
    // story is split across them and that ancestor holds it all.
    Node* shared_ancestor(Node* top, const std::vector<Node*>& runners) {
        std::vector<Node*> close;
        for (std::size_t i = 1; i < runners.size(); ++i) {
            if (scores_[top] > 0 && scores_[runners[i]] / scores_[top] >= 0.75) {
                close.push_back(runners[i]);
            }
        }
        if (close.size() < 3) {
            return top;
        }
        for (Node* parent = top->parent; parent != nullptr && !parent->is("body");
             parent = parent->parent) {
            const auto below = std::count_if(close.begin(), close.end(), [&](Node* runner) {
                for (Node* at = runner->parent; at != nullptr; at = at->parent) {
                    if (at == parent) {
                        return true;
                    }
                }
                return false;
            });
            if (below >= 3) {
                return parent;
            }
        }
        return top;
    }

    // A parent scoring higher than the candidate (before its score falls below a third)
    // holds more of the story; an only child's parent holds what its siblings add.
    Node* climb(Node* top) {
        score(*top);
        double last = scores_[top];
        const double threshold = last / 3;
        for (Node* parent = top->parent; parent != nullptr && !parent->is("body");
             parent = parent->parent) {
            if (!scored(*parent)) {
                continue;
            }
            const double value = scores_[parent];
            if (value < threshold) {
                break;
            }
            if (value > last) {
                top = parent;
                break;
            }
            last = value;
        }
        while (top->parent != nullptr && top->parent->parent != nullptr &&
               !top->parent->is("body") && top->parent->element_children().size() == 1) {
            top = top->parent;
        }
        score(*top);
        return top;
    }

    Node* top_candidate() {
        const std::vector<Node*> top = best_candidates();
        if (top.empty() || top.front()->is("body")) {
            return body_as_candidate();
        }
        return climb(shared_ancestor(top.front(), top));
    }

    bool sibling_belongs(Node& sibling, Node& top) {
        const double top_score = scores_[&top];
        const double bonus =
            !top.attribute("class").empty() && sibling.attribute("class") == top.attribute("class")
                ? top_score * 0.2
                : 0.0;
        if (scored(sibling) && scores_[&sibling] + bonus >= std::max(10.0, top_score * 0.2)) {
            return true;
        }
        if (!sibling.is("p")) {
            return false;
        }
        const double links = link_density(sibling);
        const std::string text = inner_text(sibling);
        const std::size_t length = text_length(text);
        const bool sentence =
            text.find(". ") != std::string::npos || (!text.empty() && text.back() == '.');
        return (length > 80 && links < 0.25) ||
               (length < 80 && length > 0 && links == 0 && sentence);
    }

    // The candidate and the siblings that look like more of the story (a lead paragraph, the
    // text after an advertisement slot), in page order.
    std::unique_ptr<Node> join_siblings(Node& top) {
        auto article = make_element("div");
        Node* parent = top.parent;
        if (parent == nullptr) {
            append(*article, clone(top));
            return article;
        }
        std::vector<bool> joins(parent->children.size(), false);
        for (std::size_t i = 0; i < parent->children.size(); ++i) {
            Node& sibling = *parent->children[i];
            joins[i] = !sibling.is_text() && (&sibling == &top || sibling_belongs(sibling, top));
        }
        // Moved in one pass: detaching one by one would shift a long list once per sibling.
        auto& children = parent->children;
        for (std::size_t i = 0; i < children.size(); ++i) {
            if (joins[i]) {
                if (!among(children[i]->tag, kSiblingTags)) {
                    children[i]->tag = "div";
                }
                append(*article, std::move(children[i]));
            }
        }
        children.erase(std::remove(children.begin(), children.end(), nullptr), children.end());
        return article;
    }

    Node& page_;
    const ExtractionFlags& flags_;
    std::string title_;
    std::string& byline_;
    bool title_removed_ = false;
    std::unordered_map<const Node*, double> scores_;
    std::vector<Node*> candidates_;
};

}  // namespace

bool is_whitespace(const Node& node) {
    return node.is_text() ? inner_text(node).empty() : node.is("br");
}

bool is_phrasing(const Node& node) {
    if (node.is_text() || among(node.tag, kPhrasingTags)) {
        return true;
    }
    return (node.is("a") || node.is("del") || node.is("ins")) &&
           std::all_of(node.children.begin(), node.children.end(),
                       [](const auto& child) { return is_phrasing(*child); });
}

std::unique_ptr<Node> grab_article(Node& page, const ExtractionFlags& flags, std::string_view title,
                                   std::string& byline) {
    return Grabber(page, flags, title, byline).run();
}

}  // namespace morgue::html
