#include "stub.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string_view>

#include "errors.h"

namespace morgue::stub {

namespace {

namespace fs = std::filesystem;

std::string trim(const std::string& text) {
    std::size_t begin = text.find_first_not_of(" \t\r");
    if (begin == std::string::npos) {
        return {};
    }
    std::size_t end = text.find_last_not_of(" \t\r");
    return text.substr(begin, end - begin + 1);
}

DatabaseError bad_line(const std::string& stub_path, int line, const std::string& why) {
    return DatabaseError("stub database '" + stub_path + "', line " + std::to_string(line) + ": " +
                         why);
}

/// "HOST:PORT" (the port after the last colon, so that "[::1]:PORT" works too).
Entry tcp_entry(const std::string& stub_path, int line, const std::string& address) {
    std::size_t colon = address.rfind(':');
    std::string port = colon == std::string::npos ? std::string() : address.substr(colon + 1);
    if (colon == 0 || port.empty() || port.size() > 5 ||
        port.find_first_not_of("0123456789") != std::string::npos || std::stoul(port) == 0 ||
        std::stoul(port) > 65535) {
        throw bad_line(stub_path, line,
                       "'remote " + address + "' is not HOST:PORT (a port from 1 to 65535)");
    }
    Entry entry;
    entry.kind = Entry::Kind::tcp;
    entry.host = address.substr(0, colon);
    if (entry.host.size() > 2 && entry.host.front() == '[' && entry.host.back() == ']') {
        entry.host = entry.host.substr(1, entry.host.size() - 2);
    }
    entry.port = static_cast<unsigned>(std::stoul(port));
    return entry;
}

Entry parse_line(const std::string& stub_path, int line, const std::string& type,
                 const std::string& rest) {
    Entry entry;
    if (type == "auto" || type == "glass" || type == "chert") {
        if (rest.empty()) {
            throw bad_line(stub_path, line, "'" + type + "' names no database");
        }
        fs::path path(rest);
        entry.path = (path.is_absolute() ? path : fs::path(stub_path).parent_path() / path)
                         .lexically_normal()
                         .string();
    } else if (type == "remote" && !rest.empty() && rest.front() == ':') {
        entry.kind = Entry::Kind::program;
        entry.program = trim(rest.substr(1));
    } else if (type == "remote") {
        entry = tcp_entry(stub_path, line, rest);
    } else if (type == "inmemory" && rest.empty()) {
        entry.kind = Entry::Kind::inmemory;
    } else {
        throw bad_line(stub_path, line,
                       "'" + type + (rest.empty() ? "" : " " + rest) +
                           "' is not a stub line (auto PATH, remote HOST:PORT, inmemory)");
    }
    entry.line = line;
    return entry;
}

/// The first bytes of a single-file glass database (xapian-compact --single-file): a regular
/// file like a stub, but not one.
constexpr std::string_view kSingleFileMagic{"\x0f\x0dXapian Glass", 14};

bool is_single_file_database(const std::string& path) {
    std::string head(kSingleFileMagic.size(), '\0');
    std::ifstream in(path, std::ios::binary);
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    return in && head == kSingleFileMagic;
}

}  // namespace

std::optional<std::string> stub_file(const std::string& location) {
    std::error_code ec;
    if (fs::is_regular_file(location, ec)) {
        return is_single_file_database(location) ? std::nullopt
                                                 : std::optional<std::string>(location);
    }
    fs::path inside = fs::path(location) / kStubName;
    if (fs::is_directory(location, ec) && fs::is_regular_file(inside, ec)) {
        return inside.string();
    }
    return std::nullopt;
}

std::vector<Entry> read(const std::string& stub_path) {
    std::ifstream in(stub_path);
    if (!in) {
        throw DatabaseError("cannot read stub database '" + stub_path +
                            "': " + std::strerror(errno));
    }
    std::vector<Entry> entries;
    std::string text;
    for (int line = 1; std::getline(in, text); ++line) {
        text = trim(text);
        if (text.empty() || text.front() == '#') {
            continue;
        }
        std::size_t space = text.find_first_of(" \t");
        std::string type = text.substr(0, space);
        std::string rest = space == std::string::npos ? std::string() : trim(text.substr(space));
        entries.push_back(parse_line(stub_path, line, type, rest));
    }
    if (in.bad()) {
        throw DatabaseError("cannot read stub database '" + stub_path + "'");
    }
    return entries;
}

void write(const std::string& stub_path, const std::vector<std::string>& relative_paths) {
    std::string temporary = stub_path + ".new." + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::trunc);
        for (const std::string& path : relative_paths) {
            out << "auto " << path << '\n';
        }
        out.flush();
        if (!out) {
            std::error_code ignored;
            fs::remove(temporary, ignored);
            throw DatabaseError("cannot write stub database '" + stub_path + "'");
        }
    }
    std::error_code ec;
    fs::rename(temporary, stub_path, ec);
    if (ec) {
        fs::remove(temporary, ec);
        throw DatabaseError("cannot write stub database '" + stub_path + "': " + ec.message());
    }
}

}  // namespace morgue::stub
