#include "charset.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <utility>

#include "unicode.h"

namespace morgue::text {

namespace {

// Labels that to_utf8 reads better than iconv would: Windows-1252 is a superset of the
// printable Latin-1 and ASCII, and to_utf8 keeps the UTF-8 that mislabelled senders write.
constexpr std::array<std::string_view, 13> kWindows1252Labels{
    "iso-8859-1", "iso8859-1",      "iso_8859-1",   "latin1", "latin-1",  "l1",    "us-ascii",
    "ascii",      "ansi_x3.4-1968", "windows-1252", "cp1252", "x-cp1252", "cp819",
};

// Labels for which senders mean a larger set than the one named (the WHATWG Encoding
// Standard reads them so too): the larger set decodes everything the smaller one does.
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kSupersets{{
    {"gb2312", "GB18030"},
    {"gbk", "GB18030"},
    {"ks_c_5601-1987", "CP949"},
    {"euc-kr", "CP949"},
    {"shift_jis", "CP932"},
    {"iso-8859-9", "WINDOWS-1254"},
}};

// iconv descriptors are not shared: one per conversion keeps this safe on any thread.
class Iconv {
  public:
    explicit Iconv(const std::string& from) : cd_(iconv_open("UTF-8", from.c_str())) {}
    ~Iconv() {
        if (ok()) {
            iconv_close(cd_);
        }
    }
    Iconv(const Iconv&) = delete;
    Iconv& operator=(const Iconv&) = delete;
    bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
    iconv_t get() const { return cd_; }

  private:
    iconv_t cd_;
};

std::string normalise_label(std::string_view charset) {
    std::string label;
    for (const char c : charset) {
        if (c == '"' || c == '\'' || c == ' ' || c == '\t') {
            continue;
        }
        label += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return label;
}

bool reads_as_windows_1252(const std::string& label) {
    return std::find(kWindows1252Labels.begin(), kWindows1252Labels.end(), label) !=
           kWindows1252Labels.end();
}

}  // namespace

bool is_utf8_label(std::string_view charset) {
    const std::string label = normalise_label(charset);
    return label == "utf-8" || label == "utf8";
}

std::optional<std::string> convert_charset(std::string_view bytes, std::string_view charset) {
    const std::string label = normalise_label(charset);
    if (label.empty()) {
        return std::nullopt;
    }
    std::string name = label;
    for (const auto& [known, superset] : kSupersets) {
        if (known == label) {
            name = superset;
        }
    }
    Iconv cd(name);
    if (!cd.ok()) {
        return std::nullopt;
    }
    std::string out;
    // iconv's interface takes non-const input pointers; it never writes through them.
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    std::array<char, 4096> buffer{};
    while (in_left > 0) {
        char* dst = buffer.data();
        std::size_t dst_left = buffer.size();
        const std::size_t r = iconv(cd.get(), &in, &in_left, &dst, &dst_left);
        out.append(buffer.data(), buffer.size() - dst_left);
        if (r == static_cast<std::size_t>(-1) && errno != E2BIG) {
            return std::nullopt;  // EILSEQ or EINVAL: not text in this charset
        }
    }
    char* dst = buffer.data();
    std::size_t dst_left = buffer.size();
    iconv(cd.get(), nullptr, nullptr, &dst, &dst_left);  // flush shift states (ISO-2022-JP)
    out.append(buffer.data(), buffer.size() - dst_left);
    return out;
}

std::string decode_charset(std::string_view bytes, std::string_view charset) {
    const std::string label = normalise_label(charset);
    if (label.empty() || is_utf8_label(label) || reads_as_windows_1252(label)) {
        return to_utf8(bytes);
    }
    std::optional<std::string> converted = convert_charset(bytes, label);
    return to_utf8(converted ? *converted : bytes);
}

}  // namespace morgue::text
