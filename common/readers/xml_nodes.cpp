#include "xml_nodes.h"

#include <algorithm>
#include <array>

#include "../text/unicode.h"
#include "header_fields.h"

namespace morgue::xml {

namespace {

// Elements that break text into paragraphs: XHTML's blocks and NITF's (<block>, <hl2>).
constexpr std::array<std::string_view, 28> kBlockElements{
    "p",          "div",     "li", "ul",      "ol",      "h1",     "h2",
    "h3",         "h4",      "h5", "h6",      "hl2",     "block",  "blockquote",
    "pre",        "table",   "tr", "dl",      "dt",      "dd",     "figure",
    "figcaption", "caption", "hr", "address", "section", "center", "tagline"};
// Inline XHTML markup: an element holding any of these is text, not structure.
constexpr std::array<std::string_view, 20> kInlineElements{
    "br", "a",    "em",   "strong", "b",     "i",    "u",    "s",    "sub", "sup",
    "q",  "cite", "code", "span",   "small", "abbr", "mark", "font", "img", "tt"};
constexpr std::array<std::string_view, 2> kIgnoredElements{"script", "style"};
// Markers of line and paragraph breaks while text is gathered: XML text cannot hold them.
constexpr char kLineBreak = '\x01';
constexpr char kParagraphBreak = '\x02';

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& names, std::string_view element) {
    const std::string lower = text::ascii_lower(element);
    return std::find(names.begin(), names.end(), lower) != names.end();
}

std::string content_of(const xmlNode* node) {
    xmlChar* content = xmlNodeGetContent(node);
    std::string out = content != nullptr ? reinterpret_cast<const char*>(content) : "";
    xmlFree(content);
    return out;
}

void gather(const xmlNode* node, std::string& out) {
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            for (const xmlChar* c = n->content; c != nullptr && *c != 0; ++c) {
                const char ch = static_cast<char>(*c);
                out += ch == kLineBreak || ch == kParagraphBreak ? ' ' : ch;
            }
        } else if (n->type == XML_ENTITY_REF_NODE) {
            // Entities of the document's own DTD; external ones are never loaded, so empty.
            out += content_of(n);
        } else if (n->type == XML_ELEMENT_NODE && !listed(kIgnoredElements, name(n))) {
            // Inline elements join their text to the words around them ("<em>A</em>bc").
            const std::string element = text::ascii_lower(name(n));
            const bool block = listed(kBlockElements, element);
            const bool cell = element == "td" || element == "th";
            out += block             ? std::string(1, kParagraphBreak)
                   : element == "br" ? std::string(1, kLineBreak)
                   : cell            ? " "
                                     : "";
            gather(n, out);
            out += block ? std::string(1, kParagraphBreak) : cell ? " " : "";
        }
    }
}

// True when node holds text of its own beside elements, or XHTML markup.
bool is_text_block(const xmlNode* node) {
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
            !text::trim(reinterpret_cast<const char*>(n->content)).empty()) {
            return true;
        }
        if (n->type == XML_ELEMENT_NODE &&
            (listed(kBlockElements, name(n)) || listed(kInlineElements, name(n)))) {
            return true;
        }
    }
    return false;
}

bool has_elements(const xmlNode* node) {
    for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) {
            return true;
        }
    }
    return false;
}

void add(Fields& fields, const std::string& key, std::string value) {
    if (!text::trim(value).empty()) {
        fields.emplace_back(key.empty() ? "body" : key, std::move(value));
    }
}

}  // namespace

std::string_view name(const xmlNode* node) {
    return node != nullptr && node->name != nullptr ? reinterpret_cast<const char*>(node->name)
                                                    : "";
}

const xmlNode* child(const xmlNode* node, std::string_view wanted) {
    for (const xmlNode* n = node != nullptr ? node->children : nullptr; n != nullptr; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && iequals(name(n), wanted)) {
            return n;
        }
    }
    return nullptr;
}

const xmlNode* descendant(const xmlNode* node, std::string_view wanted) {
    for (const xmlNode* n = node != nullptr ? node->children : nullptr; n != nullptr; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) {
            continue;
        }
        if (iequals(name(n), wanted)) {
            return n;
        }
        if (const xmlNode* found = descendant(n, wanted)) {
            return found;
        }
    }
    return nullptr;
}

std::vector<const xmlNode*> descendants(const xmlNode* node, std::string_view wanted) {
    std::vector<const xmlNode*> out;
    for (const xmlNode* n = node != nullptr ? node->children : nullptr; n != nullptr; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) {
            if (iequals(name(n), wanted)) {
                out.push_back(n);
            }
            const std::vector<const xmlNode*> below = descendants(n, wanted);
            out.insert(out.end(), below.begin(), below.end());
        }
    }
    return out;
}

std::string attribute(const xmlNode* node, std::string_view wanted) {
    for (const xmlAttr* a = node != nullptr ? node->properties : nullptr; a != nullptr;
         a = a->next) {
        if (iequals(reinterpret_cast<const char*>(a->name), wanted)) {
            xmlChar* value = xmlNodeListGetString(node->doc, a->children, 1);
            std::string out = value != nullptr ? reinterpret_cast<const char*>(value) : "";
            xmlFree(value);
            return std::string(text::trim(out));
        }
    }
    return {};
}

std::string inline_text(const xmlNode* node) {
    return node == nullptr ? std::string() : text::collapse_space(content_of(node));
}

std::string block_text(const xmlNode* node) {
    if (node == nullptr) {
        return {};
    }
    std::string raw;
    gather(node, raw);
    std::string out;
    std::string line;
    std::size_t pending = 0;  // 0: none, 1: line break, 2: paragraph break before more text
    const auto flush_line = [&](std::size_t brk) {
        std::string words = text::collapse_space(line);
        line.clear();
        if (!words.empty()) {
            out += (out.empty() ? "" : pending == 2 ? "\n\n" : pending == 1 ? "\n" : " ") + words;
            pending = 0;
        }
        pending = std::max(pending, out.empty() ? 0 : brk);
    };
    for (const char c : raw) {
        if (c == kLineBreak || c == kParagraphBreak) {
            flush_line(c == kLineBreak ? 1 : 2);
        } else {
            line += c;
        }
    }
    flush_line(0);
    return out;
}

void flatten(const xmlNode* node, const std::string& key, Fields& fields,
             const std::function<bool(const xmlNode*)>& skip) {
    if (skip(node)) {
        return;
    }
    for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
        const std::string attr(reinterpret_cast<const char*>(a->name));
        add(fields, key.empty() ? attr : key + "@" + attr, attribute(node, attr));
    }
    if (!has_elements(node)) {
        add(fields, key, std::string(text::trim(content_of(node))));
    } else if (is_text_block(node)) {
        add(fields, key, block_text(node));
    } else {
        for (const xmlNode* n = node->children; n != nullptr; n = n->next) {
            if (n->type == XML_ELEMENT_NODE) {
                const std::string_view child_name = name(n);
                flatten(n,
                        key.empty() ? std::string(child_name) : key + "." + std::string(child_name),
                        fields, skip);
            }
        }
    }
}

}  // namespace morgue::xml
