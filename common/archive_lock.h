#pragma once

#include <functional>
#include <string>

namespace morgue {

/// The write lock of a sharded archive: one writer at a time adds shards to it, rewrites its
/// stub or merges it (each shard's own Xapian lock covers only that shard). An advisory lock
/// (flock) on the archive's folder, released when the holder ends, however it ends.
class ArchiveLock {
  public:
    /// Takes the lock of the archive folder. When another writer holds it: throws DatabaseError,
    /// or with waiting set, calls it and waits (throwing Interrupted on SIGINT or SIGTERM).
    /// Throws DatabaseError too when the folder was replaced (merged into one database) while
    /// waiting.
    ArchiveLock(const std::string& folder, const std::function<void()>& waiting);
    ~ArchiveLock();

    ArchiveLock(const ArchiveLock&) = delete;
    ArchiveLock& operator=(const ArchiveLock&) = delete;

  private:
    int fd_ = -1;
};

}  // namespace morgue
