#include "archive_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "errors.h"
#include "interrupt.h"

namespace morgue {

ArchiveLock::ArchiveLock(const std::string& folder, const std::function<void()>& waiting) {
    fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ < 0) {
        throw DatabaseError("cannot open archive '" + folder + "': " + std::strerror(errno));
    }
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK || !waiting) {
            int error = errno;
            ::close(fd_);
            throw DatabaseError(
                "archive '" + folder + "' " +
                (error == EWOULDBLOCK
                     ? "is locked by another writer (is another morgue-index running?); try "
                       "again when it has finished, or use --wait"
                     : std::string("cannot be locked: ") + std::strerror(error)));
        }
        waiting();
        while (::flock(fd_, LOCK_EX) != 0) {
            int error = errno;
            if (error != EINTR || interrupted()) {
                ::close(fd_);
                if (error == EINTR) {
                    throw Interrupted();
                }
                throw DatabaseError("archive '" + folder +
                                    "' cannot be locked: " + std::strerror(error));
            }
        }
    }
    struct stat held {};
    struct stat now {};
    if (::fstat(fd_, &held) != 0 || ::stat(folder.c_str(), &now) != 0 ||
        held.st_ino != now.st_ino || held.st_dev != now.st_dev) {
        ::close(fd_);
        throw DatabaseError("archive '" + folder +
                            "' was replaced (merged into one database) while this run waited "
                            "for it; run the command again");
    }
}

ArchiveLock::~ArchiveLock() {
    ::close(fd_);
}

}  // namespace morgue
