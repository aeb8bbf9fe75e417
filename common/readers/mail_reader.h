#pragma once

// The mail and news readers behind make_reader(). Private to common/readers/ and its tests.

#include <cstddef>
#include <string>
#include <string_view>

#include "reader.h"

namespace morgue {

/// The record of one RFC 822 message (mail or a Usenet post): "id" (Message-ID without its
/// angle brackets), "title" (Subject, "Re:" kept: it is what readers saw and searched for;
/// trailing <id@host> tokens, left by spools that dropped a folded References header, cut),
/// "author" (the From display name, else its address), "date" (Date), "source" (the first
/// group of Newsgroups, else folder), "organization" (Organization) and "body" (the message's
/// text: see message_text()). Encoded header words are decoded; values are UTF-8.
Record message_record(std::string_view message, const std::string& folder);

/// The author in a From value: "Jane Doe <jane@example.com>" and "jane@example.com (Jane Doe)"
/// give "Jane Doe"; a bare address gives the address.
std::string author_name(std::string_view from);

/// The mail folder a message file is in, for the source of messages without a Newsgroups
/// header: the folder holding it ("20news-bydate-train/alt.atheism/49960" -> "alt.atheism"),
/// or for maildir ("inbox/cur/1700000000.x") the folder above cur/, new/ or tmp/. file_id is
/// used when it names a folder, else path. Empty when neither does.
std::string mail_folder(std::string_view file_id, std::string_view path);

/// RFC 822 messages, one per file (a Usenet spool, a maildir, .eml files). The record's origin
/// is the whole file and its file_id the input's.
class MailReader : public Reader {
  public:
    /// Attachments included, messages stay far below this; a bigger file is no message.
    static constexpr std::size_t kMaxMessage = std::size_t{64} << 20;
    explicit MailReader(std::size_t max_message = kMaxMessage);
    void read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
              const DiagnosticSink& diagnostics) override;

  private:
    std::size_t max_message_;
};

/// mbox files: messages separated by "From " lines (a "From " line at the start of the file
/// or after an empty line; others are text), ">From " lines unquoted as mboxrd writers quote
/// them. A message's origin line is its "From " line; messages without a Newsgroups header
/// take the mbox's name ("letters.mbox" -> "letters") as source. Streamed: one message at a
/// time in memory.
class MboxReader : public Reader {
  public:
    explicit MboxReader(std::size_t max_message = MailReader::kMaxMessage);
    void read(ByteSource& in, const InputInfo& info, const RecordSink& sink,
              const DiagnosticSink& diagnostics) override;

  private:
    std::size_t max_message_;
};

}  // namespace morgue
