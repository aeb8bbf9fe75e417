#pragma once

#include <stdexcept>

namespace morgue {

/// Makes SIGINT and SIGTERM set a flag instead of killing the process, so that a long run can
/// stop at a safe point, commit what it has done and say how to resume.
void install_interrupt_handler();

/// Makes a write past the file size limit (ulimit -f) fail with EFBIG, which is reported as a
/// failed write of the database, instead of killing the process with SIGXFSZ mid-commit.
void ignore_file_size_signal();

/// True once SIGINT or SIGTERM has arrived.
bool interrupted();

/// Thrown at a safe point after an interrupt, to unwind to the command's top level.
class Interrupted : public std::runtime_error {
  public:
    Interrupted() : std::runtime_error("interrupted") {}
};

}  // namespace morgue
