#pragma once

// A small, mutable document tree built from gumbo's parse. Content extraction rewrites the
// tree (removes boilerplate, wraps loose text in paragraphs), which gumbo's own tree does not
// support, and the rest of morgue never sees gumbo's types.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace morgue::html {

/// One node of a page: an element (tag set) or a run of text (tag empty).
struct Node {
    std::string tag;   ///< lower-case element name; empty for a text node
    std::string text;  ///< a text node's characters, entities decoded
    std::vector<std::pair<std::string, std::string>> attributes;  ///< names lower-case
    std::vector<std::unique_ptr<Node>> children;
    Node* parent = nullptr;
    /// Where the node last was among its parent's children: checked first, so that walking
    /// the siblings of a long list stays linear (see index_in_parent in dom.cpp).
    mutable std::size_t index_hint = 0;

    /// True for a text node.
    bool is_text() const { return tag.empty(); }
    /// True for an element named tag_name.
    bool is(std::string_view tag_name) const { return tag == tag_name; }
    /// The value of an attribute, "" when absent.
    std::string_view attribute(std::string_view name) const;
    /// True when the attribute is present (with any value).
    bool has_attribute(std::string_view name) const;
    /// The element children, in order.
    std::vector<Node*> element_children() const;
};

/// Elements nested deeper than this are attached to their ancestor at this depth: no real
/// page needs more, and it bounds the recursion of every walk over the tree.
inline constexpr std::size_t kMaxDepth = 256;

/// Parses UTF-8 HTML by the HTML5 algorithm (gumbo), repairing broken markup as browsers do.
/// Returns the <html> element; comments and the doctype are dropped, <template> contents too.
std::unique_ptr<Node> parse(std::string_view utf8);

/// A deep copy of node (its parent left null).
std::unique_ptr<Node> clone(const Node& node);

/// Takes node out of its parent and returns it (node must have a parent).
std::unique_ptr<Node> detach(Node& node);

/// Removes node from its parent and destroys it.
void remove(Node& node);

/// Puts replacement where node was and returns node, detached.
std::unique_ptr<Node> replace(Node& node, std::unique_ptr<Node> replacement);

/// Removes, in one pass, the children of node that match (their subtrees with them).
void remove_children_if(Node& node, const std::function<bool(const Node&)>& matches);

/// Appends child to parent and returns it.
Node& append(Node& parent, std::unique_ptr<Node> child);

/// A new element with no attributes or children.
std::unique_ptr<Node> make_element(std::string tag);

/// The next element after node in document order, below node first unless skip_children
/// (nullptr at the end). Walks that remove the current node take the next one first.
Node* next_element(Node& node, bool skip_children = false);

/// The elements below root (not root itself) named tag, in document order.
std::vector<Node*> elements_by_tag(Node& root, std::string_view tag);

/// Calls visit on every element below root (not root itself), in document order.
void for_each_element(const Node& root, const std::function<void(const Node&)>& visit);

/// The concatenated text of every text node below node (DOM textContent).
std::string text_content(const Node& node);

/// True when node has an ancestor element named tag within max_depth levels (0: any level).
bool has_ancestor(const Node& node, std::string_view tag, std::size_t max_depth = 0);

}  // namespace morgue::html
