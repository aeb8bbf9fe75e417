#pragma once

#include <concepts>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace morgue {

/// The bytes as valid UTF-8: valid sequences pass unchanged, each maximal invalid subpart
/// becomes U+FFFD (the Unicode "best practice" for substitution).
std::string to_valid_utf8(std::string_view bytes);

/// The number of code points in valid UTF-8 text.
std::size_t count_code_points(std::string_view utf8);

/// A double as JSON and CSV print it: like "%.6g" in the C locale ("12.83", "1e+06"); an empty
/// string for NaN and infinities, which JSON cannot represent.
std::string format_double(double value);

/// A streaming JSON writer: values go straight to the stream, commas and colons are placed for
/// the caller. Output is compact (no spaces); the caller ends a document or line.
/// Misuse (a key outside an object, unbalanced ends) throws std::logic_error.
class JsonWriter {
  public:
    /// Writes to out, which must outlive the writer.
    explicit JsonWriter(std::ostream& out);

    /// Opens an object: '{'.
    void begin_object();
    /// Closes the innermost object: '}'.
    void end_object();
    /// Opens an array: '['.
    void begin_array();
    /// Closes the innermost array: ']'.
    void end_array();
    /// A member name inside an object; the next call writes its value.
    void key(std::string_view name);

    /// A string, escaped: '"', '\\', short forms for \b \f \n \r \t, other control characters
    /// as \u00xx; invalid UTF-8 is replaced by U+FFFD.
    void string(std::string_view value);
    /// An array of strings.
    void strings(const std::vector<std::string>& values);
    /// A string, or null when value is empty.
    void string_or_null(std::string_view value);
    /// A double per format_double; null when it is not finite.
    void number(double value);
    /// An integer of any width and signedness.
    template <std::integral T>
        requires(!std::same_as<T, bool>)
    void number(T value) {
        if constexpr (std::is_signed_v<T>) {
            write_integer(static_cast<std::int64_t>(value));
        } else {
            write_unsigned(static_cast<std::uint64_t>(value));
        }
    }
    /// true or false.
    void boolean(bool value);
    /// null.
    void null();

  private:
    enum class Scope { object, array };
    struct Level {
        Scope scope;
        bool empty = true;
    };

    void before_value();
    void raw(std::string_view text);
    void write_quoted(std::string_view value);
    void write_integer(std::int64_t value);
    void write_unsigned(std::uint64_t value);
    void end(Scope scope, char close);

    std::ostream& out_;
    std::vector<Level> levels_;
    bool after_key_ = false;
};

}  // namespace morgue
