#pragma once

#include <optional>
#include <string>
#include <vector>

namespace morgue::stub {

// Xapian's stub database format: a text file listing databases, one per line, that Xapian
// opens as one. "auto PATH" (also "glass PATH", "chert PATH") is a local database, PATH
// relative to the stub's folder; "remote HOST:PORT" a database served by xapian-tcpsrv;
// "remote :PROGRAM ARGS" one served by a program over a pipe (xapian-progsrv); "inmemory" an
// empty in-memory database. Blank lines and lines starting with '#' are skipped. A folder that
// holds a stub named XAPIANDB is opened by Xapian as that stub: a sharded archive is such a
// folder, its shards beside the stub.

/// The file name that makes a folder a stub database.
inline constexpr const char* kStubName = "XAPIANDB";

/// One database a stub lists.
struct Entry {
    enum class Kind { local, tcp, program, inmemory };
    Kind kind = Kind::local;
    std::string path;     ///< local: resolved against the stub's folder
    std::string host;     ///< tcp
    unsigned port = 0;    ///< tcp
    std::string program;  ///< program: the command line after ':'
    int line = 0;         ///< where the stub lists it, for messages
};

/// The stub file a database location is, if it is one: the location itself when it is a
/// regular file other than a single-file database, location/XAPIANDB when it is a folder
/// holding one; nullopt otherwise.
std::optional<std::string> stub_file(const std::string& location);

/// The entries of a stub file, in order. Throws DatabaseError naming the file and line for a
/// line Xapian would refuse, and when the file cannot be read.
std::vector<Entry> read(const std::string& stub_path);

/// Writes a stub listing local databases (paths relative to the stub's folder, one "auto"
/// line each), replacing any stub there at once (a new file renamed over the old), so a
/// reader sees either the old list or the new one. Throws DatabaseError when it cannot.
void write(const std::string& stub_path, const std::vector<std::string>& relative_paths);

}  // namespace morgue::stub
