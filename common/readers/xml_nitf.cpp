// NITF (the IPTC's News Industry Text Format) mapped onto record fields.

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

#include "../text/unicode.h"
#include "xml_nodes.h"
#include "xml_reader.h"

namespace morgue {

namespace xml {

namespace {

void add(Fields& fields, std::string key, std::string value) {
    if (!text::trim(value).empty()) {
        fields.emplace_back(std::move(key), std::move(value));
    }
}

// A byline without its title line (<byttl>Staff writer</byttl>).
std::string byline_text(const xmlNode* byline) {
    std::string out;
    for (const xmlNode* n = byline->children; n != nullptr; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && name(n) != "byttl") {
            out += " " + inline_text(n);
        } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            out += reinterpret_cast<const char*>(n->content);
        }
    }
    return text::collapse_space(out);
}

void add_authors(Fields& fields, const xmlNode* body) {
    for (const xmlNode* byline : descendants(body, "byline")) {
        const std::vector<const xmlNode*> persons = descendants(byline, "person");
        if (persons.empty()) {
            add(fields, "author", byline_text(byline));
        }
        for (const xmlNode* person : persons) {
            add(fields, "author", inline_text(person));
        }
    }
}

// Every date NITF may give, most official first; the pipeline keeps the most precise.
void add_dates(Fields& fields, const xmlNode* head, const xmlNode* body) {
    const xmlNode* docdata = child(head, "docdata");
    add(fields, "date", expand_compact_date(attribute(child(docdata, "date.issue"), "norm")));
    add(fields, "date", expand_compact_date(attribute(child(docdata, "date.release"), "norm")));
    add(fields, "date", expand_compact_date(attribute(child(head, "pubdata"), "date.publication")));
    const xmlNode* dateline = descendant(body, "dateline");
    const xmlNode* story_date = descendant(dateline, "story.date");
    add(fields, "date", expand_compact_date(attribute(story_date, "norm")));
    add(fields, "date", inline_text(story_date != nullptr ? story_date : dateline));
    add(fields, "dateline", inline_text(dateline));
}

std::string first_of(std::string a, std::string b, std::string c) {
    return !a.empty() ? a : !b.empty() ? b : c;
}

}  // namespace

Fields nitf_fields(const xmlNode* root) {
    Fields fields;
    const xmlNode* head = child(root, "head");
    const xmlNode* body = child(root, "body");
    const xmlNode* docdata = child(head, "docdata");
    const xmlNode* pubdata = child(head, "pubdata");
    const xmlNode* content = child(body, "body.content");
    add(fields, "id", attribute(child(docdata, "doc-id"), "id-string"));
    std::string title = inline_text(descendant(child(body, "body.head"), "hl1"));
    add(fields, "title", title.empty() ? inline_text(child(head, "title")) : title);
    add(fields, "body", block_text(content));
    add_dates(fields, head, body);
    add_authors(fields, body);
    add(fields, "source",
        first_of(attribute(pubdata, "name"), attribute(child(docdata, "doc.copyright"), "holder"),
                 inline_text(descendant(body, "distributor"))));
    add(fields, "url", attribute(pubdata, "ex-ref"));
    xmlChar* lang = xmlNodeGetLang(content != nullptr ? content : root);
    add(fields, "lang", lang != nullptr ? reinterpret_cast<const char*>(lang) : "");
    xmlFree(lang);
    for (const xmlNode* keyword : descendants(child(docdata, "key-list"), "keyword")) {
        add(fields, "tags", attribute(keyword, "key"));
    }
    // The rest as the generic reader sees it, for --map; the body is there already.
    flatten(root, "", fields, [content](const xmlNode* node) { return node == content; });
    return fields;
}

}  // namespace xml

std::string expand_compact_date(std::string_view norm) {
    const auto digits = [&](std::size_t from, std::size_t n) {
        return from + n <= norm.size() &&
               std::all_of(norm.begin() + static_cast<std::ptrdiff_t>(from),
                           norm.begin() + static_cast<std::ptrdiff_t>(from + n),
                           [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!digits(0, 8) || (norm.size() > 8 && norm[8] != 'T')) {
        return std::string(norm);
    }
    std::string out = std::string(norm.substr(0, 4)) + "-" + std::string(norm.substr(4, 2)) + "-" +
                      std::string(norm.substr(6, 2));
    if (norm.size() == 8) {
        return out;
    }
    std::size_t pos = 9;
    for (const char* sep : {"T", ":", ":"}) {
        if (!digits(pos, 2)) {
            break;
        }
        out += sep + std::string(norm.substr(pos, 2));
        pos += 2;
    }
    std::string_view zone = norm.substr(pos);
    if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-') && digits(pos + 1, 4)) {
        out += std::string(zone.substr(0, 3)) + ":" + std::string(zone.substr(3));
    } else {
        out += zone;
    }
    return out;
}

}  // namespace morgue
