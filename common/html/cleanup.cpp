#include "cleanup.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <functional>
#include <unordered_set>

#include "hints.h"
#include "text.h"

namespace morgue::html {

namespace {

// Never story text wherever they sit in the article.
constexpr std::array<std::string_view, 10> kAlwaysRemoved = {
    "footer", "aside", "object", "embed", "link", "iframe", "input", "textarea", "select", "button",
};
constexpr std::array<std::string_view, 6> kHeadings = {"h1", "h2", "h3", "h4", "h5", "h6"};
// Elements whose text counts as running text when judging a block.
constexpr std::array<std::string_view, 12> kTextish = {
    "span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul",
};
// Blocks whose whole text may be an advertising label or a loading notice.
constexpr std::array<std::string_view, 6> kLabelled = {"p",       "div",    "span",
                                                       "section", "figure", "aside"};
// Share bars bigger than this are something else that happens to carry the word.
constexpr std::size_t kMaxShareText = 500;
// A block with this many commas is prose, whatever else it holds.
constexpr std::size_t kProseCommas = 10;

using DataTables = std::unordered_set<const Node*>;

template <std::size_t N>
bool among(std::string_view tag, const std::array<std::string_view, N>& tags) {
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

std::size_t count_tag(const Node& node, std::string_view tag) {
    std::size_t count = 0;
    for_each_element(node, [&](const Node& element) { count += element.is(tag) ? 1 : 0; });
    return count;
}

// Removes the elements below root that match, without looking inside what it removes.
void remove_matching(Node& root, const std::function<bool(const Node&)>& matches) {
    remove_children_if(root, [&](const Node& child) { return !child.is_text() && matches(child); });
    for (const auto& child : root.children) {
        remove_matching(*child, matches);
    }
}

// The share of node's text inside descendants named by tags (nested ones count again).
template <std::size_t N>
double text_density(const Node& node, const std::array<std::string_view, N>& tags) {
    const std::size_t length = text_length(inner_text(node));
    if (length == 0) {
        return 0.0;
    }
    std::size_t inside = 0;
    for_each_element(node, [&](const Node& element) {
        if (std::find(tags.begin(), tags.end(), element.tag) != tags.end()) {
            inside += text_length(inner_text(element));
        }
    });
    return static_cast<double>(inside) / static_cast<double>(length);
}

int attribute_number(const Node& node, std::string_view name) {
    const std::string_view value = node.attribute(name);
    int number = 0;
    std::from_chars(value.data(), value.data() + value.size(), number);
    return number > 0 ? number : 1;
}

// Rows (with rowspans) and the widest row's columns (with colspans).
std::pair<int, int> table_size(const Node& table) {
    int rows = 0;
    int columns = 0;
    for_each_element(table, [&](const Node& row) {
        if (!row.is("tr")) {
            return;
        }
        rows += attribute_number(row, "rowspan");
        int cells = 0;
        for_each_element(row, [&](const Node& cell) {
            cells += cell.is("td") ? attribute_number(cell, "colspan") : 0;
        });
        columns = std::max(columns, cells);
    });
    return {rows, columns};
}

struct Cleaner {
    const ExtractionFlags& flags;
    DataTables data_tables;

    int weight(const Node& node) const { return flags.weight_classes ? class_weight(node) : 0; }

    bool near_data_table(const Node& node) const {
        for (const Node* at = node.parent; at != nullptr; at = at->parent) {
            if (data_tables.count(at) > 0) {
                return true;
            }
        }
        bool holds = false;
        for_each_element(node, [&](const Node& e) { holds = holds || data_tables.count(&e) > 0; });
        return holds || data_tables.count(&node) > 0;
    }

    bool is_list_like(const Node& node, std::string_view tag) const {
        if (tag == "ul" || tag == "ol") {
            return true;
        }
        std::size_t list_text = 0;
        for_each_element(node, [&](const Node& e) {
            list_text += e.is("ul") || e.is("ol") ? text_length(inner_text(e)) : 0;
        });
        const std::size_t length = text_length(inner_text(node));
        return length == 0 ? list_text > 0 : static_cast<double>(list_text) / length > 0.9;
    }

    // Readability's "fishy" tests, applied to blocks with few commas.
    bool looks_like_furniture(const Node& node, bool is_list, int class_weight_value) const {
        const std::string text = inner_text(node);
        if (is_ad_or_loading_text(text)) {
            return true;
        }
        const auto p = static_cast<double>(count_tag(node, "p"));
        const auto img = static_cast<double>(count_tag(node, "img"));
        const double li = static_cast<double>(count_tag(node, "li")) - 100.0;
        const auto input = static_cast<double>(count_tag(node, "input"));
        const std::size_t embeds =
            count_tag(node, "object") + count_tag(node, "embed") + count_tag(node, "iframe");
        const std::size_t length = text_length(text);
        const double links = link_density(node);
        const bool in_figure = has_ancestor(node, "figure", 3);
        return (!in_figure && img > 1 && p / img < 0.5) || (!is_list && li > p) ||
               input > std::floor(p / 3) ||
               (!is_list && !in_figure && text_density(node, kHeadings) < 0.9 && length < 25 &&
                (img == 0 || img > 2) && links > 0) ||
               (!is_list && class_weight_value < 25 && links > 0.2) ||
               (class_weight_value >= 25 && links > 0.5) || (embeds == 1 && length < 75) ||
               embeds > 1 || (img == 0 && text_density(node, kTextish) == 0);
    }

    // A list whose every item is a lone image is a gallery, which stays.
    static bool is_image_list(const Node& node) {
        for (const Node* item : node.element_children()) {
            if (item->element_children().size() > 1) {
                return false;
            }
        }
        return count_tag(node, "img") == count_tag(node, "li");
    }

    bool should_remove(const Node& node, std::string_view tag) const {
        if (near_data_table(node) || has_ancestor(node, "code", 3)) {
            return false;
        }
        const int class_weight_value = weight(node);
        if (class_weight_value < 0) {
            return true;
        }
        if (count_commas(inner_text(node)) >= kProseCommas) {
            return false;
        }
        const bool is_list = is_list_like(node, tag);
        const bool remove = looks_like_furniture(node, is_list, class_weight_value);
        return remove && !(is_list && is_image_list(node));
    }

    // Deepest first, so a block is judged after the furniture inside it has gone.
    void clean_conditionally(Node& article, std::string_view tag) const {
        if (!flags.clean_conditionally) {
            return;
        }
        std::vector<Node*> nodes = elements_by_tag(article, tag);
        for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
            if (should_remove(**it, tag)) {
                remove(**it);
            }
        }
    }
};

void remove_share_elements(Node& article) {
    for (Node* block : article.element_children()) {
        remove_matching(*block, [](const Node& node) {
            return is_share_hint(hint_text(node)) && text_length(inner_text(node)) < kMaxShareText;
        });
    }
}

bool is_empty_paragraph(const Node& node) {
    return node.is("p") && inner_text(node).empty() && count_tag(node, "img") == 0 &&
           count_tag(node, "embed") == 0 && count_tag(node, "object") == 0 &&
           count_tag(node, "iframe") == 0;
}

// The only element child when it is named tag and no text stands beside it.
Node* single_child(Node& node, std::string_view tag) {
    const std::vector<Node*> children = node.element_children();
    if (children.size() != 1 || !children[0]->is(tag)) {
        return nullptr;
    }
    for (const auto& child : node.children) {
        if (child->is_text() && !inner_text(*child).empty()) {
            return nullptr;
        }
    }
    return children[0];
}

// A table of one cell is layout around its content: keep the content only.
void unwrap_single_cells(Node& article) {
    for (Node* table : elements_by_tag(article, "table")) {
        Node* body = single_child(*table, "tbody");
        Node* row = single_child(body != nullptr ? *body : *table, "tr");
        Node* cell = row != nullptr ? single_child(*row, "td") : nullptr;
        if (cell != nullptr) {
            cell->tag = "div";
            replace(*table, detach(*cell));
        }
    }
}

}  // namespace

bool is_data_table(const Node& table) {
    if (table.attribute("role") == "presentation" || table.attribute("datatable") == "0") {
        return false;
    }
    if (!table.attribute("summary").empty()) {
        return true;
    }
    bool data_part = false;
    bool nested = false;
    for_each_element(table, [&](const Node& e) {
        data_part = data_part || (e.is("caption") && !e.children.empty()) || e.is("col") ||
                    e.is("colgroup") || e.is("tfoot") || e.is("thead") || e.is("th");
        nested = nested || e.is("table");
    });
    if (data_part || nested) {
        return data_part;
    }
    const auto [rows, columns] = table_size(table);
    if (rows == 1 || columns == 1) {
        return false;
    }
    return rows >= 10 || columns > 4 || rows * columns > 10;
}

void clean_article(Node& article, const ExtractionFlags& flags) {
    remove_matching(article, [](const Node& node) { return among(node.tag, kAlwaysRemoved); });
    remove_share_elements(article);
    Cleaner cleaner{flags, {}};
    for (const Node* table : elements_by_tag(article, "table")) {
        if (is_data_table(*table)) {
            cleaner.data_tables.insert(table);
        }
    }
    cleaner.clean_conditionally(article, "form");
    cleaner.clean_conditionally(article, "fieldset");
    remove_matching(article, [&](const Node& node) {
        return (node.is("h1") || node.is("h2")) && cleaner.weight(node) < 0;
    });
    cleaner.clean_conditionally(article, "table");
    cleaner.clean_conditionally(article, "ul");
    cleaner.clean_conditionally(article, "div");
    remove_matching(article, is_empty_paragraph);
    remove_matching(article, [](const Node& node) {
        return among(node.tag, kLabelled) && is_ad_or_loading_text(inner_text(node));
    });
    unwrap_single_cells(article);
}

}  // namespace morgue::html
