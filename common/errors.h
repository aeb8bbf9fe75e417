#pragma once

#include <stdexcept>
#include <string>

namespace morgue {

/// Exit codes shared by both programs (DESIGN.md).
enum class ExitCode : int {
    ok = 0,
    no_results_or_strict = 1,
    usage = 2,
    database = 3,
    interrupted = 130,
};

/// A bad command line, an unreadable input path, or a query the searcher will not guess at.
class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// A query that cannot be run as written (malformed date, unknown field): exit 2.
class QueryError : public UsageError {
  public:
    using UsageError::UsageError;
};

/// A database that is missing, corrupt, locked, of a newer schema, or failed to write: exit 3.
class DatabaseError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace morgue
