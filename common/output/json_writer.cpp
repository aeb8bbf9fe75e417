#include "json_writer.h"

#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace morgue {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

/// One step through UTF-8: how many bytes the sequence at a position takes and whether they
/// form a valid code point. An invalid step covers the maximal subpart (at least one byte).
struct Utf8Step {
    std::size_t length;
    bool valid;
};

Utf8Step next_utf8(std::string_view s, std::size_t i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0x80) {
        return {1, true};
    }
    std::size_t continuation = 0;
    // The second byte's range excludes overlongs, surrogates and values above U+10FFFF.
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        continuation = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        continuation = 2;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        continuation = 3;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return {1, false};
    }
    std::size_t length = 1;
    while (length <= continuation) {
        if (i + length >= s.size()) {
            return {length, false};
        }
        const auto byte = static_cast<unsigned char>(s[i + length]);
        if (byte < low || byte > high) {
            return {length, false};
        }
        low = 0x80;
        high = 0xBF;
        ++length;
    }
    return {length, true};
}

/// Appends the JSON form of one ASCII byte.
void append_escaped_ascii(std::string& out, char c) {
    switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: break;
    }
    if (static_cast<unsigned char>(c) < 0x20) {
        constexpr std::string_view kHex = "0123456789abcdef";
        out += "\\u00";
        out += kHex[static_cast<unsigned char>(c) >> 4];
        out += kHex[static_cast<unsigned char>(c) & 0xF];
        return;
    }
    out += c;
}

}  // namespace

std::string to_valid_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size();) {
        const Utf8Step step = next_utf8(bytes, i);
        if (step.valid) {
            out.append(bytes.substr(i, step.length));
        } else {
            out += kReplacement;
        }
        i += step.length;
    }
    return out;
}

std::size_t count_code_points(std::string_view utf8) {
    std::size_t count = 0;
    for (const char c : utf8) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++count;
        }
    }
    return count;
}

std::string format_double(double value) {
    if (!std::isfinite(value)) {
        return {};
    }
    // to_chars with a precision behaves like printf in the C locale, whatever the global one.
    std::array<char, 32> buffer{};
    const auto result =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                      std::chars_format::general, 6);
    return std::string(buffer.data(), result.ptr);
}

JsonWriter::JsonWriter(std::ostream& out) : out_(out) {}

void JsonWriter::begin_object() {
    before_value();
    levels_.push_back({Scope::object});
    out_ << '{';
}

void JsonWriter::end_object() { end(Scope::object, '}'); }

void JsonWriter::begin_array() {
    before_value();
    levels_.push_back({Scope::array});
    out_ << '[';
}

void JsonWriter::end_array() { end(Scope::array, ']'); }

void JsonWriter::key(std::string_view name) {
    if (levels_.empty() || levels_.back().scope != Scope::object || after_key_) {
        throw std::logic_error("JsonWriter: key \"" + std::string(name) +
                               "\" outside an object or after another key");
    }
    if (!levels_.back().empty) {
        out_ << ',';
    }
    levels_.back().empty = false;
    write_quoted(name);
    out_ << ':';
    after_key_ = true;
}

void JsonWriter::string(std::string_view value) {
    before_value();
    write_quoted(value);
}

void JsonWriter::write_quoted(std::string_view value) {
    std::string escaped;
    escaped.reserve(value.size() + 2);
    escaped += '"';
    // Runs of printable ASCII, most of any text, are copied whole rather than byte by byte.
    std::size_t run = 0;
    for (std::size_t i = 0; i < value.size();) {
        const auto c = static_cast<unsigned char>(value[i]);
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        escaped.append(value.substr(run, i - run));
        const Utf8Step step = next_utf8(value, i);
        if (!step.valid) {
            escaped += kReplacement;
        } else if (step.length == 1) {
            append_escaped_ascii(escaped, value[i]);
        } else {
            escaped.append(value.substr(i, step.length));
        }
        i += step.length;
        run = i;
    }
    escaped.append(value.substr(run));
    escaped += '"';
    out_.write(escaped.data(), static_cast<std::streamsize>(escaped.size()));
}

void JsonWriter::strings(const std::vector<std::string>& values) {
    begin_array();
    for (const std::string& value : values) {
        string(value);
    }
    end_array();
}

void JsonWriter::string_or_null(std::string_view value) {
    if (value.empty()) {
        null();
    } else {
        string(value);
    }
}

void JsonWriter::number(double value) {
    if (!std::isfinite(value)) {
        null();
        return;
    }
    raw(format_double(value));
}

void JsonWriter::boolean(bool value) { raw(value ? "true" : "false"); }

void JsonWriter::null() { raw("null"); }

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (levels_.empty()) {
        return;
    }
    if (levels_.back().scope == Scope::object) {
        throw std::logic_error("JsonWriter: a value inside an object needs a key first");
    }
    if (!levels_.back().empty) {
        out_ << ',';
    }
    levels_.back().empty = false;
}

void JsonWriter::raw(std::string_view text) {
    before_value();
    out_ << text;
}

void JsonWriter::write_integer(std::int64_t value) { raw(std::to_string(value)); }

void JsonWriter::write_unsigned(std::uint64_t value) { raw(std::to_string(value)); }

void JsonWriter::end(Scope scope, char close) {
    if (levels_.empty() || levels_.back().scope != scope || after_key_) {
        throw std::logic_error("JsonWriter: unbalanced end of object or array");
    }
    levels_.pop_back();
    out_ << close;
}

}  // namespace morgue
