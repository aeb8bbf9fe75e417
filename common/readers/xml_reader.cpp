#include "xml_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "../text/unicode.h"
#include "header_fields.h"
#include "readers_impl.h"
#include "xml_nodes.h"

namespace morgue {

namespace {

// How far into the file an encoding declaration may be.
constexpr std::size_t kPrologBytes = 1024;

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct ContextFree {
    void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};

// libxml2 must be initialised once before threads use it.
void init_libxml() {
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
}

// A byte order mark or an encoding="..." in the declaration: libxml2 then decodes the bytes.
bool declares_encoding(std::string_view head) {
    if (head.substr(0, 2) == "\xFE\xFF" || head.substr(0, 2) == "\xFF\xFE") {
        return true;
    }
    head = strip_bom(head.substr(0, kPrologBytes));
    const std::size_t end = head.find("?>");
    return head.substr(0, 5) == "<?xml" && end != std::string_view::npos &&
           head.substr(0, end).find("encoding") != std::string_view::npos;
}

// libxml2 recovers from bytes that are not in the declared encoding by keeping them in names
// and text: those are read as Windows-1252, as in undeclared files.
void repair_utf8(std::vector<std::pair<std::string, std::string>>& fields) {
    for (auto& [key, value] : fields) {
        if (!text::is_valid_utf8(key) || !text::is_valid_utf8(value)) {
            key = text::to_utf8(key);
            value = text::to_utf8(value);
        }
    }
}

// "Opening and ending tag mismatch: p line 3 and body" at line 4.
std::string parse_error(xmlParserCtxt* context) {
    const xmlError* error = xmlCtxtGetLastError(context);
    if (error == nullptr || error->message == nullptr) {
        return "unknown error";
    }
    std::string message(text::trim(error->message));
    return message + " at line " + std::to_string(error->line);
}

}  // namespace

XmlReader::XmlReader(std::size_t max_file) : max_file_(max_file) {
    init_libxml();
}

void XmlReader::read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
                     const DiagnosticSink& diagnostics) {
    bool truncated = false;
    std::string content = read_all(in, max_file_, &truncated);
    if (truncated) {
        diagnostics(input_warning(info, 0,
                                  "file larger than " + size_text(max_file_) + "; file skipped",
                                  "file too large"));
        return;
    }
    if (!declares_encoding(content) && !text::is_valid_utf8(content)) {
        content = text::to_utf8(content);  // undeclared and not UTF-8: Windows-1252
    }
    const std::unique_ptr<xmlParserCtxt, ContextFree> context(xmlNewParserCtxt());
    if (!context) {
        throw std::bad_alloc();
    }
    // No network, no external DTDs or entities: a file must not make morgue fetch or read
    // other files. RECOVER reads broken files as far as they go.
    const int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                        XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
    const std::unique_ptr<xmlDoc, DocFree> doc(xmlCtxtReadMemory(context.get(), content.data(),
                                                                 static_cast<int>(content.size()),
                                                                 nullptr, nullptr, options));
    const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (root == nullptr) {
        diagnostics(input_warning(
            info, 0, "not XML that can be read (" + parse_error(context.get()) + "); file skipped",
            "invalid XML"));
        return;
    }
    if (context->wellFormed == 0) {
        diagnostics(note(Origin{info.display_path, 0},
                         "malformed XML (" + parse_error(context.get()) +
                             "); read as far as it could be recovered",
                         "malformed XML"));
    }
    Record record;
    if (iequals(xml::name(root), "nitf")) {
        record.fields = xml::nitf_fields(root);
    } else {
        xml::flatten(root, "", record.fields, [](const xmlNode*) { return false; });
    }
    repair_utf8(record.fields);
    record.origin = Origin{info.display_path, 0};
    record.file_id = info.file_id;
    sink(std::move(record));
}

}  // namespace morgue
