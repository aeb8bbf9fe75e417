#include "json_flatten.h"

#include <array>
#include <string_view>

#include "../text/unicode.h"

namespace morgue {

namespace {

namespace od = simdjson::ondemand;
using simdjson::error_code;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// simdjson's messages do not name the error; the names are what its documentation lists.
constexpr std::array<std::pair<error_code, std::string_view>, 17> kErrorNames{{
    {simdjson::TAPE_ERROR, "TAPE_ERROR"},
    {simdjson::DEPTH_ERROR, "DEPTH_ERROR"},
    {simdjson::STRING_ERROR, "STRING_ERROR"},
    {simdjson::T_ATOM_ERROR, "T_ATOM_ERROR"},
    {simdjson::F_ATOM_ERROR, "F_ATOM_ERROR"},
    {simdjson::N_ATOM_ERROR, "N_ATOM_ERROR"},
    {simdjson::NUMBER_ERROR, "NUMBER_ERROR"},
    {simdjson::UTF8_ERROR, "UTF8_ERROR"},
    {simdjson::EMPTY, "EMPTY"},
    {simdjson::UNESCAPED_CHARS, "UNESCAPED_CHARS"},
    {simdjson::UNCLOSED_STRING, "UNCLOSED_STRING"},
    {simdjson::INCORRECT_TYPE, "INCORRECT_TYPE"},
    {simdjson::INCOMPLETE_ARRAY_OR_OBJECT, "INCOMPLETE_ARRAY_OR_OBJECT"},
    {simdjson::TRAILING_CONTENT, "TRAILING_CONTENT"},
    {simdjson::CAPACITY, "CAPACITY"},
    {simdjson::MEMALLOC, "MEMALLOC"},
    {simdjson::OUT_OF_BOUNDS, "OUT_OF_BOUNDS"},
}};

// On Demand reads a number's token without checking it all; the literal text is kept, so it
// must be a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
bool is_json_number(std::string_view s) {
    std::size_t i = 0;
    const auto digits = [&] {
        const std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            ++i;
        }
        return i - start;
    };
    if (i < s.size() && s[i] == '-') {
        ++i;
    }
    const std::size_t int_start = i;
    const std::size_t int_digits = digits();
    if (int_digits == 0 || (int_digits > 1 && s[int_start] == '0')) {
        return false;
    }
    if (i < s.size() && s[i] == '.' && (++i, digits() == 0)) {
        return false;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
            ++i;
        }
        if (digits() == 0) {
            return false;
        }
    }
    return i == s.size();
}

error_code flatten_value(od::value value, std::string& key, JsonFields& fields, std::size_t depth);

// Members of a nested object extend the key with ".name"; the root's members start it.
error_code flatten_members(od::object object, std::string& key, JsonFields& fields,
                           std::size_t depth, bool root) {
    const std::size_t base = key.size();
    for (auto member : object) {
        od::field field;
        SIMDJSON_TRY(std::move(member).get(field));
        std::string_view name;
        SIMDJSON_TRY(field.unescaped_key().get(name));
        key.resize(base);
        if (!root) {
            key += '.';
        }
        key += name;
        SIMDJSON_TRY(flatten_value(field.value(), key, fields, depth + 1));
    }
    key.resize(base);
    return simdjson::SUCCESS;
}

error_code flatten_array(od::array array, std::string& key, JsonFields& fields, std::size_t depth) {
    for (auto element : array) {
        od::value value;
        SIMDJSON_TRY(std::move(element).get(value));
        SIMDJSON_TRY(flatten_value(value, key, fields, depth + 1));
    }
    return simdjson::SUCCESS;
}

error_code flatten_scalar(od::value value, od::json_type type, const std::string& key,
                          JsonFields& fields) {
    switch (type) {
        case od::json_type::string: {
            std::string_view s;
            SIMDJSON_TRY(value.get_string().get(s));
            fields.emplace_back(key, s);
            return simdjson::SUCCESS;
        }
        case od::json_type::number: {
            std::string_view raw = value.raw_json_token();
            raw = raw.substr(0, raw.find_last_not_of(" \t\r\n") + 1);
            if (!is_json_number(raw)) {
                return simdjson::NUMBER_ERROR;
            }
            fields.emplace_back(key, raw);
            return simdjson::SUCCESS;
        }
        case od::json_type::boolean: {
            bool b = false;
            SIMDJSON_TRY(value.get_bool().get(b));
            fields.emplace_back(key, b ? "true" : "false");
            return simdjson::SUCCESS;
        }
        default: {
            bool is_null = false;
            SIMDJSON_TRY(value.is_null().get(is_null));
            return is_null ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
        }
    }
}

error_code flatten_value(od::value value, std::string& key, JsonFields& fields, std::size_t depth) {
    od::json_type type{};
    SIMDJSON_TRY(value.type().get(type));
    // depth is the parser's depth of this value; check it before the parser descends.
    if ((type == od::json_type::object || type == od::json_type::array) && depth > kMaxJsonDepth) {
        return simdjson::DEPTH_ERROR;
    }
    if (type == od::json_type::object) {
        od::object object;
        SIMDJSON_TRY(value.get_object().get(object));
        return flatten_members(object, key, fields, depth, false);
    }
    if (type == od::json_type::array) {
        od::array array;
        SIMDJSON_TRY(value.get_array().get(array));
        return flatten_array(array, key, fields, depth);
    }
    return flatten_scalar(value, type, key, fields);
}

error_code iterate_padded(od::parser& parser, std::string& text, od::document& doc) {
    const std::size_t size = text.size();
    // Explicit padding rather than spare capacity: simdjson reads it, so it must be defined.
    text.append(simdjson::SIMDJSON_PADDING, ' ');
    return parser.iterate(simdjson::padded_string_view(text.data(), size, text.size())).get(doc);
}

}  // namespace

error_code start_json(od::parser& parser, std::string& text, od::document& doc) {
    if (std::string_view(text).substr(0, kBom.size()) == kBom) {
        text.erase(0, kBom.size());
    }
    const std::size_t size = text.size();
    const error_code error = iterate_padded(parser, text, doc);
    if (error != simdjson::UTF8_ERROR) {
        return error;
    }
    text = text::to_utf8(std::string_view(text).substr(0, size));
    return iterate_padded(parser, text, doc);
}

error_code flatten_object(od::object object, JsonFields& fields) {
    std::string key;
    return flatten_members(object, key, fields, 1, true);
}

error_code flatten_document(od::document& doc, JsonFields& fields, bool* not_object) {
    *not_object = false;
    od::json_type type{};
    SIMDJSON_TRY(doc.type().get(type));
    if (type != od::json_type::object) {
        *not_object = true;
        return simdjson::INCORRECT_TYPE;
    }
    od::object object;
    SIMDJSON_TRY(doc.get_object().get(object));
    SIMDJSON_TRY(flatten_object(object, fields));
    return check_end(doc);
}

error_code check_end(od::document& doc) {
    // current_location() fails (OUT_OF_BOUNDS) exactly when no token is left.
    const char* location = nullptr;
    return doc.current_location().get(location) ? simdjson::SUCCESS : simdjson::TRAILING_CONTENT;
}

std::string describe_json_error(error_code error) {
    std::string message = simdjson::error_message(error);
    // "The JSON document ..." reads on after "TAPE_ERROR: " in lower case; "JSON ..." stays.
    const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    if (message.size() > 1 && upper(message[0]) && !upper(message[1])) {
        message[0] = static_cast<char>(message[0] - 'A' + 'a');
    }
    for (const auto& [code, name] : kErrorNames) {
        if (code == error) {
            return std::string(name) + ": " + message;
        }
    }
    return message;
}

}  // namespace morgue
