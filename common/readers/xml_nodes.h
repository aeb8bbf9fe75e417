#pragma once

// Small helpers over libxml2's tree, shared by the generic XML and the NITF readers. Private
// to common/readers/.

#include <libxml/tree.h>

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace morgue::xml {

/// A record's (key, value) pairs, as Record::fields holds them.
using Fields = std::vector<std::pair<std::string, std::string>>;

/// The element's local name (without namespace prefix).
std::string_view name(const xmlNode* node);

/// The first child element called name; nullptr when none (or node is nullptr).
const xmlNode* child(const xmlNode* node, std::string_view name);

/// The first element called name below node, depth first; nullptr when none.
const xmlNode* descendant(const xmlNode* node, std::string_view name);

/// Every element called name below node, in document order.
std::vector<const xmlNode*> descendants(const xmlNode* node, std::string_view name);

/// The value of the attribute called name (local name); empty when absent.
std::string attribute(const xmlNode* node, std::string_view name);

/// All the text below node, white space collapsed; empty for nullptr.
std::string inline_text(const xmlNode* node);

/// All the text below node as paragraphs: block elements (<p>, <div>, <li>, <h1>, NITF's
/// <block> and <hl2> ...) separated by a blank line, <br> by a line break, white space inside
/// paragraphs collapsed, <script> and <style> left out.
std::string block_text(const xmlNode* node);

/// Appends the fields of node's subtree under key (see XmlReader), skipping the elements for
/// which skip is true.
void flatten(const xmlNode* node, const std::string& key, Fields& fields,
             const std::function<bool(const xmlNode*)>& skip);

/// The fields of a NITF document's root.
Fields nitf_fields(const xmlNode* root);

}  // namespace morgue::xml
