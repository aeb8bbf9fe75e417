#include "text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "../text/unicode.h"

namespace morgue::html {

namespace {

// Elements that begin a line box of their own in a browser's default style sheet.
constexpr std::array<std::string_view, 43> kBlockTags = {
    "address", "article", "aside",  "blockquote", "body",    "caption", "center",   "dd",
    "details", "dialog",  "dir",    "div",        "dl",      "dt",      "fieldset", "figcaption",
    "figure",  "footer",  "form",   "h1",         "h2",      "h3",      "h4",       "h5",
    "h6",      "header",  "hgroup", "hr",         "html",    "legend",  "li",       "main",
    "menu",    "nav",     "ol",     "p",          "section", "summary", "table",    "tbody",
    "tfoot",   "thead",   "tr",
};

// The commas of Latin, Arabic (U+060C), CJK (U+3001, U+FF0C) and their small and vertical
// forms, which Readability also counts as clause separators.
constexpr std::array<std::string_view, 9> kCommas = {
    ",",
    "\xD8\x8C",
    "\xEF\xB9\x90",
    "\xEF\xB8\x90",
    "\xEF\xB8\x91",
    "\xE2\xB9\x81",
    "\xE2\xB8\xB4",
    "\xE2\xB8\xB2",
    "\xEF\xBC\x8C",
};

// Entities that survive in doubly encoded metadata; gumbo has already decoded one level.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kEntities = {{
    {"amp", "&"},
    {"lt", "<"},
    {"gt", ">"},
    {"quot", "\""},
    {"apos", "'"},
    {"nbsp", "\xC2\xA0"},
    {"rsquo", "\xE2\x80\x99"},
    {"lsquo", "\xE2\x80\x98"},
    {"rdquo", "\xE2\x80\x9D"},
    {"ldquo", "\xE2\x80\x9C"},
    {"ndash", "\xE2\x80\x93"},
    {"mdash", "\xE2\x80\x94"},
    {"hellip", "\xE2\x80\xA6"},
    {"middot", "\xC2\xB7"},
}};


// "#8217", "#x2019" -> the character; false when name is not a numeric reference.
bool decode_numeric(std::string_view name, std::string& out) {
    if (name.size() < 2 || name[0] != '#') {
        return false;
    }
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) {
        return false;
    }
    std::uint32_t cp = 0;
    for (const char c : digits) {
        const int digit = c >= '0' && c <= '9'   ? c - '0'
                          : !hex                 ? -1
                          : c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
        if (digit < 0) {
            return false;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
    }
    text::append_utf8(out, cp);
    return true;
}

bool decode_entity(std::string_view name, std::string& out) {
    if (decode_numeric(name, out)) {
        return true;
    }
    for (const auto& [entity, text] : kEntities) {
        if (entity == name) {
            out += text;
            return true;
        }
    }
    return false;
}

// Collects the text of a subtree line by line and paragraph by paragraph.
class Renderer {
  public:
    void visit(const Node& node) {
        if (node.is_text()) {
            line_ += node.text;
        } else if (node.is("br")) {
            end_line();
        } else if (node.is("pre")) {
            pre(node);
        } else if (node.is("td") || node.is("th")) {
            if (!text::trim(line_).empty()) {
                line_ += " | ";
            }
            children(node);
        } else if (is_block_tag(node.tag)) {
            end_paragraph();
            children(node);
            end_paragraph();
        } else {
            children(node);
        }
    }

    std::string finish() {
        end_paragraph();
        return std::move(out_);
    }

  private:
    void children(const Node& node) {
        for (const auto& child : node.children) {
            visit(*child);
        }
    }

    // Preformatted text keeps its line structure; blank lines inside it would read as
    // paragraph breaks, so they are dropped.
    void pre(const Node& node) {
        end_paragraph();
        const std::string content = text_content(node);
        std::size_t start = 0;
        while (start <= content.size()) {
            const std::size_t end = std::min(content.find('\n', start), content.size());
            std::string_view line(content.data() + start, end - start);
            line = line.substr(0, line.find_last_not_of(" \t\r") + 1);
            if (!text::trim(line).empty()) {
                lines_.emplace_back(line);
            }
            start = end + 1;
        }
        end_paragraph();
    }

    void end_line() {
        std::string line = text::collapse_space(line_);
        line_.clear();
        if (!line.empty()) {
            lines_.push_back(std::move(line));
        }
    }

    void end_paragraph() {
        end_line();
        if (lines_.empty()) {
            return;
        }
        if (!out_.empty()) {
            out_ += "\n\n";
        }
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            out_ += (i == 0 ? "" : "\n") + lines_[i];
        }
        lines_.clear();
    }

    std::string out_;
    std::string line_;
    std::vector<std::string> lines_;
};

}  // namespace

std::string inner_text(const Node& node) {
    return text::collapse_space(text_content(node));
}

std::size_t text_length(std::string_view utf8) {
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::size_t count_commas(std::string_view utf8) {
    std::size_t count = 0;
    for (const std::string_view comma : kCommas) {
        for (std::size_t pos = utf8.find(comma); pos != std::string_view::npos;
             pos = utf8.find(comma, pos + comma.size())) {
            ++count;
        }
    }
    return count;
}

double link_density(const Node& node) {
    const std::size_t length = text_length(inner_text(node));
    if (length == 0) {
        return 0.0;
    }
    double linked = 0.0;
    for_each_element(node, [&](const Node& element) {
        if (element.is("a")) {
            const std::string_view href = element.attribute("href");
            const double weight = href.size() > 1 && href[0] == '#' ? 0.3 : 1.0;
            linked += weight * static_cast<double>(text_length(inner_text(element)));
        }
    });
    return linked / static_cast<double>(length);
}

bool is_block_tag(std::string_view tag) {
    return std::find(kBlockTags.begin(), kBlockTags.end(), tag) != kBlockTags.end();
}

std::string render_paragraphs(const Node& node) {
    Renderer renderer;
    renderer.visit(node);
    return renderer.finish();
}

std::string clean_value(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    std::size_t i = 0;
    while (i < value.size()) {
        const std::size_t semicolon = value[i] == '&' ? value.find(';', i) : std::string_view::npos;
        if (semicolon != std::string_view::npos && semicolon - i <= 10 &&
            decode_entity(value.substr(i + 1, semicolon - i - 1), out)) {
            i = semicolon + 1;
        } else {
            out += value[i++];
        }
    }
    return text::collapse_space(out);
}

}  // namespace morgue::html
