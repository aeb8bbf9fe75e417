#include "dom.h"

#include <gumbo.h>

#include <algorithm>
#include <stdexcept>

namespace morgue::html {

namespace {

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// gumbo names the elements it knows; others (custom elements, <amp-img>) keep their source
// spelling, which is lower-cased here as the HTML parser does for known ones.
std::string tag_name(const GumboElement& element) {
    if (element.tag != GUMBO_TAG_UNKNOWN) {
        return gumbo_normalized_tagname(element.tag);
    }
    GumboStringPiece piece = element.original_tag;
    gumbo_tag_from_original_text(&piece);
    std::string name(piece.data == nullptr ? "" : std::string(piece.data, piece.length));
    name.resize(std::min(name.size(), name.find_first_of(" \t\r\n\f/>")));
    std::transform(name.begin(), name.end(), name.begin(), lower);
    return name.empty() ? std::string("unknown") : name;
}

std::unique_ptr<Node> element_from(const GumboElement& element) {
    auto node = make_element(tag_name(element));
    node->attributes.reserve(element.attributes.length);
    for (unsigned i = 0; i < element.attributes.length; ++i) {
        const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
        node->attributes.emplace_back(attribute->name, attribute->value);
    }
    return node;
}

// A gumbo node still to convert, and where its result goes.
struct Pending {
    const GumboNode* source;
    Node* parent;
    std::size_t depth;
};

void push_children(std::vector<Pending>& stack, const GumboVector& children, Node* parent,
                   std::size_t depth) {
    for (unsigned i = children.length; i > 0; --i) {
        stack.push_back({static_cast<const GumboNode*>(children.data[i - 1]), parent, depth});
    }
}

// Converts iteratively: pages nested thousands deep must not exhaust the stack.
void convert_children(const GumboNode& source, Node& root) {
    std::vector<Pending> stack;
    push_children(stack, source.v.element.children, &root, 1);
    while (!stack.empty()) {
        const Pending item = stack.back();
        stack.pop_back();
        switch (item.source->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_CDATA:
            case GUMBO_NODE_WHITESPACE: {
                auto text = std::make_unique<Node>();
                text->text = item.source->v.text.text;
                append(*item.parent, std::move(text));
                break;
            }
            case GUMBO_NODE_ELEMENT: {
                Node* parent = item.parent;
                if (item.depth < kMaxDepth) {
                    parent = &append(*item.parent, element_from(item.source->v.element));
                }
                push_children(stack, item.source->v.element.children, parent, item.depth + 1);
                break;
            }
            default:  // comments; template contents are inert, never shown
                break;
        }
    }
}

std::size_t index_in_parent(const Node& node) {
    const auto& siblings = node.parent->children;
    if (node.index_hint < siblings.size() && siblings[node.index_hint].get() == &node) {
        return node.index_hint;
    }
    for (std::size_t i = 0; i < siblings.size(); ++i) {
        if (siblings[i].get() == &node) {
            node.index_hint = i;
            return i;
        }
    }
    throw std::logic_error("html::Node is not among its parent's children");
}

Node* next_element_sibling(const Node& node) {
    if (node.parent == nullptr) {
        return nullptr;
    }
    const auto& siblings = node.parent->children;
    for (std::size_t i = index_in_parent(node) + 1; i < siblings.size(); ++i) {
        if (!siblings[i]->is_text()) {
            return siblings[i].get();
        }
    }
    return nullptr;
}

void collect_elements(Node& root, std::string_view tag, std::vector<Node*>& out) {
    for (const auto& child : root.children) {
        if (!child->is_text()) {
            if (child->tag == tag) {
                out.push_back(child.get());
            }
            collect_elements(*child, tag, out);
        }
    }
}

void collect_text(const Node& node, std::string& out) {
    if (node.is_text()) {
        out += node.text;
        return;
    }
    for (const auto& child : node.children) {
        collect_text(*child, out);
    }
}

}  // namespace

std::string_view Node::attribute(std::string_view name) const {
    for (const auto& [key, value] : attributes) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

bool Node::has_attribute(std::string_view name) const {
    return std::any_of(attributes.begin(), attributes.end(),
                       [&](const auto& attribute) { return attribute.first == name; });
}

std::vector<Node*> Node::element_children() const {
    std::vector<Node*> out;
    for (const auto& child : children) {
        if (!child->is_text()) {
            out.push_back(child.get());
        }
    }
    return out;
}

std::unique_ptr<Node> parse(std::string_view utf8) {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // the parse errors of real pages are many and of no use here
    GumboOutput* output = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
    auto root = make_element("html");
    if (output->root != nullptr && output->root->type == GUMBO_NODE_ELEMENT) {
        root = element_from(output->root->v.element);
        convert_children(*output->root, *root);
    }
    gumbo_destroy_output(&options, output);
    return root;
}

std::unique_ptr<Node> clone(const Node& node) {
    auto copy = std::make_unique<Node>();
    copy->tag = node.tag;
    copy->text = node.text;
    copy->attributes = node.attributes;
    copy->children.reserve(node.children.size());
    for (const auto& child : node.children) {
        append(*copy, clone(*child));
    }
    return copy;
}

std::unique_ptr<Node> detach(Node& node) {
    auto& siblings = node.parent->children;
    const std::size_t index = index_in_parent(node);
    std::unique_ptr<Node> owned = std::move(siblings[index]);
    siblings.erase(siblings.begin() + static_cast<std::ptrdiff_t>(index));
    owned->parent = nullptr;
    return owned;
}

void remove(Node& node) {
    detach(node);
}

std::unique_ptr<Node> replace(Node& node, std::unique_ptr<Node> replacement) {
    Node* parent = node.parent;
    const std::size_t index = index_in_parent(node);
    replacement->parent = parent;
    std::unique_ptr<Node> old = std::move(parent->children[index]);
    parent->children[index] = std::move(replacement);
    old->parent = nullptr;
    return old;
}

void remove_children_if(Node& node, const std::function<bool(const Node&)>& matches) {
    auto& children = node.children;
    children.erase(
        std::remove_if(children.begin(), children.end(),
                       [&](const std::unique_ptr<Node>& child) { return matches(*child); }),
        children.end());
}

Node& append(Node& parent, std::unique_ptr<Node> child) {
    child->parent = &parent;
    child->index_hint = parent.children.size();
    parent.children.push_back(std::move(child));
    return *parent.children.back();
}

std::unique_ptr<Node> make_element(std::string tag) {
    auto node = std::make_unique<Node>();
    node->tag = std::move(tag);
    return node;
}

Node* next_element(Node& node, bool skip_children) {
    if (!skip_children) {
        for (const auto& child : node.children) {
            if (!child->is_text()) {
                return child.get();
            }
        }
    }
    for (const Node* at = &node; at != nullptr; at = at->parent) {
        if (Node* sibling = next_element_sibling(*at)) {
            return sibling;
        }
    }
    return nullptr;
}

std::vector<Node*> elements_by_tag(Node& root, std::string_view tag) {
    std::vector<Node*> out;
    collect_elements(root, tag, out);
    return out;
}

void for_each_element(const Node& root, const std::function<void(const Node&)>& visit) {
    for (const auto& child : root.children) {
        if (!child->is_text()) {
            visit(*child);
            for_each_element(*child, visit);
        }
    }
}

std::string text_content(const Node& node) {
    std::string out;
    collect_text(node, out);
    return out;
}

bool has_ancestor(const Node& node, std::string_view tag, std::size_t max_depth) {
    std::size_t depth = 0;
    for (const Node* at = node.parent; at != nullptr; at = at->parent) {
        if (max_depth > 0 && ++depth > max_depth) {
            return false;
        }
        if (at->tag == tag) {
            return true;
        }
    }
    return false;
}

}  // namespace morgue::html
