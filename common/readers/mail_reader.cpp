#include "mail_reader.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "../text/unicode.h"
#include "mime.h"
#include "readers_impl.h"

namespace morgue {

namespace {

constexpr std::array<std::string_view, 3> kMaildirLeaves{"cur", "new", "tmp"};
constexpr std::array<std::string_view, 6> kCompressionSuffixes{".gz",  ".bz2", ".xz",
                                                               ".zst", ".lz4", ".z"};

void add(Record& record, std::string key, std::string value) {
    if (!value.empty()) {
        record.fields.emplace_back(std::move(key), std::move(value));
    }
}

// "\"Doe, Jane\"" -> "Doe, Jane": quotes and their backslash escapes removed.
std::string unquote(std::string_view s) {
    s = text::trim_ascii(s);
    if (s.size() < 2 || s.front() != '"' || s.back() != '"') {
        return std::string(s);
    }
    std::string out;
    for (std::size_t i = 1; i + 1 < s.size(); ++i) {
        if (s[i] == '\\' && i + 2 < s.size()) {
            ++i;
        }
        out += s[i];
    }
    return out;
}

// Subject without trailing "<id@host>" tokens: spools that dropped a References header leave
// its folded lines behind, which then read as the Subject's continuation.
std::string subject_text(std::string_view subject) {
    std::string text = text::collapse_space(decode_header_text(subject));
    for (;;) {
        const std::size_t space = text.rfind(' ');
        const std::string_view last =
            std::string_view(text).substr(space == std::string::npos ? 0 : space + 1);
        const bool message_id = last.size() > 2 && last.front() == '<' && last.back() == '>' &&
                                last.find('@') != std::string_view::npos;
        if (!message_id || space == std::string::npos) {
            return text;
        }
        text.resize(space);
    }
}

// The first group of a Newsgroups value: "sci.space,sci.astro" -> "sci.space".
std::string first_group(std::string_view groups) {
    groups = text::trim_ascii(groups);
    return std::string(text::trim_ascii(groups.substr(0, groups.find_first_of(", \t"))));
}

// An mbox's name without folders, compression and its extension: "mail/letters.mbox.gz" ->
// "letters".
std::string mbox_name(std::string_view path) {
    const std::size_t slash = path.find_last_of("/:");
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    for (const std::string_view suffix : kCompressionSuffixes) {
        if (name.size() > suffix.size() &&
            iequals(name.substr(name.size() - suffix.size()), suffix)) {
            name.remove_suffix(suffix.size());
            break;
        }
    }
    const std::size_t dot = name.rfind('.');
    return std::string(dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot));
}

// mboxrd quotes every body line that starts with ">*From " by one more '>'.
bool quoted_from_line(std::string_view line) {
    const std::size_t from = line.find_first_not_of('>');
    return from > 0 && from != std::string_view::npos && line.substr(from, 5) == "From ";
}

/// Gathers the lines of one mbox message at a time and hands each complete message on.
class MboxSplitter {
  public:
    MboxSplitter(std::size_t max_message, const InputInfo& info, const RecordSink& sink,
                 const DiagnosticSink& diagnostics)
        : max_message_(max_message),
          folder_(mbox_name(info.display_path)),
          info_(info),
          sink_(sink),
          diagnostics_(diagnostics) {}

    void line(std::string_view line, std::size_t number, bool truncated) {
        if (line.substr(0, 5) == "From " && previous_blank_) {
            finish();
            open_ = true;
            start_line_ = number;
            previous_blank_ = false;
            return;
        }
        previous_blank_ = line.empty();
        if (!open_ || oversized_) {
            return;
        }
        if (quoted_from_line(line)) {
            line.remove_prefix(1);
        }
        if (truncated || message_.size() + line.size() + 1 > max_message_) {
            oversized_ = true;
            message_.clear();
            return;
        }
        message_.append(line);
        message_ += '\n';
    }

    /// Hands on the message being gathered, if any.
    void finish() {
        if (open_ && oversized_) {
            diagnostics_(input_warning(
                info_, start_line_,
                "message longer than " + size_text(max_message_) + "; message skipped",
                "message too long"));
        } else if (open_) {
            Record record = message_record(message_, folder_);
            record.origin = Origin{info_.display_path, start_line_};
            sink_(std::move(record));
        }
        open_ = false;
        oversized_ = false;
        message_.clear();
    }

  private:
    std::size_t max_message_;
    std::string folder_;
    const InputInfo& info_;
    const RecordSink& sink_;
    const DiagnosticSink& diagnostics_;
    std::string message_;
    std::size_t start_line_ = 0;
    bool open_ = false;
    bool oversized_ = false;
    bool previous_blank_ = true;  ///< the start of the file counts as an empty line
};

}  // namespace

std::string author_name(std::string_view from) {
    from = text::trim_ascii(from);
    const std::size_t lt = from.find('<');
    if (lt != std::string_view::npos) {
        std::string name = unquote(from.substr(0, lt));
        if (!name.empty()) {
            return name;
        }
        const std::size_t gt = from.find('>', lt);
        return std::string(text::trim_ascii(from.substr(lt + 1, std::min(gt, from.size()) - lt - 1)));
    }
    const std::size_t open = from.find('(');
    const std::size_t close = from.rfind(')');
    if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
        std::string comment = unquote(from.substr(open + 1, close - open - 1));
        return comment.empty() ? std::string(text::trim_ascii(from.substr(0, open))) : comment;
    }
    return unquote(from);
}

std::string mail_folder(std::string_view file_id, std::string_view path) {
    const std::string_view where = file_id.find('/') != std::string_view::npos ? file_id : path;
    std::vector<std::string_view> folders;
    for (std::size_t pos = 0; pos < where.size();) {
        const std::size_t slash = std::min(where.find('/', pos), where.size());
        if (slash == where.size()) {
            break;  // the file's own name
        }
        if (slash > pos) {
            folders.push_back(where.substr(pos, slash - pos));
        }
        pos = slash + 1;
    }
    while (folders.size() > 1 && std::find(kMaildirLeaves.begin(), kMaildirLeaves.end(),
                                           folders.back()) != kMaildirLeaves.end()) {
        folders.pop_back();
    }
    return folders.empty() ? std::string() : std::string(folders.back());
}

Record message_record(std::string_view message, const std::string& folder) {
    const MimeEntity entity = split_entity(strip_bom(message));
    const HeaderFields& headers = entity.headers;
    Record record;
    std::string_view id = text::trim_ascii(header_value(headers, "Message-ID"));
    if (id.size() > 2 && id.front() == '<' && id.back() == '>') {
        id = id.substr(1, id.size() - 2);
    }
    add(record, "id", text::to_utf8(id));
    add(record, "title", subject_text(header_value(headers, "Subject")));
    add(record, "author", author_name(decode_header_text(header_value(headers, "From"))));
    add(record, "date", text::to_utf8(header_value(headers, "Date")));
    const std::string group = first_group(header_value(headers, "Newsgroups"));
    add(record, "source", text::to_utf8(group.empty() ? folder : group));
    add(record, "organization",
        text::collapse_space(decode_header_text(header_value(headers, "Organization"))));
    add(record, "body", message_text(entity));
    return record;
}

MailReader::MailReader(std::size_t max_message) : max_message_(max_message) {}

void MailReader::read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
                      const DiagnosticSink& diagnostics) {
    bool truncated = false;
    const std::string content = read_all(in, max_message_, &truncated);
    if (truncated) {
        diagnostics(input_warning(
            info, 0, "message larger than " + size_text(max_message_) + "; message skipped",
            "message too long"));
        return;
    }
    if (is_blank(strip_bom(content))) {
        diagnostics(input_warning(info, 0, "empty file; skipped", "empty file"));
        return;
    }
    Record record = message_record(content, mail_folder(info.file_id, info.display_path));
    record.origin = Origin{info.display_path, 0};
    record.file_id = info.file_id;
    sink(std::move(record));
}

MboxReader::MboxReader(std::size_t max_message) : max_message_(max_message) {}

void MboxReader::read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
                      const DiagnosticSink& diagnostics) {
    LineReader lines(in, max_message_);
    MboxSplitter splitter(max_message_, info, sink, diagnostics);
    std::string line;
    while (lines.next(line)) {
        splitter.line(line, lines.line_number(), lines.truncated());
    }
    splitter.finish();
}

}  // namespace morgue
