#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"

namespace morgue {

/// A file named on the command line or found below a directory named there.
struct InputFile {
    std::string path;      ///< as the file system knows it; "-" for standard input
    std::string file_id;   ///< the input folder's own name plus the path below it
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;  ///< modification time, nanoseconds since the epoch
};

/// Calls visit for every file the paths name: a file as given, a directory recursively in
/// byte order of names (so runs are repeatable), following symbolic links but never into a
/// loop; hidden entries (".git", ".DS_Store") below a directory are left out. Problems inside
/// a directory (an unreadable file, a loop, a dangling link) go to diagnostics and the walk
/// goes on. Throws UsageError when a named path does not exist or cannot be read.
void walk_inputs(const std::vector<std::string>& paths,
                 const std::function<void(const InputFile&)>& visit,
                 const DiagnosticSink& diagnostics);

}  // namespace morgue
