#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace morgue {

// The databases a search reads. `-d` names local databases, servers of Xapian's remote protocol
// (tcp://HOST:PORT, served by xapian-tcpsrv) and stub files listing either (a sharded archive is
// a folder holding one, XAPIANDB; stub.h). Each shard is opened on its own, checked and its
// metadata read, then all are searched as one Xapian::Database: Xapian merges their statistics,
// so the ranking is that of one database holding every article. Xapian reads the metadata of
// such a combined database from its first shard only, so it is merged here instead.

/// Reads of a database that a writer changes meanwhile, at most. A commit can discard the
/// revision a slow reader is on (Xapian keeps only the one before it): DatabaseModifiedError.
/// A reader that opens the database just as a compacted copy is swapped in (compaction.h) can
/// get tables of both, which look corrupt or fail to open together. Either way the reader
/// starts again from the newest revision; a database really broken fails every attempt.
inline constexpr int kReadAttempts = 5;

/// How the shards of a search are opened.
struct ShardOptions {
    bool partial = false;                ///< --partial: leave out shards that cannot be searched
    unsigned remote_timeout_ms = 30000;  ///< --remote-timeout: longest wait for a remote shard
};

/// One database a search reads: local, served over TCP (xapian-tcpsrv), served by a program on
/// a pipe (xapian-progsrv), or an empty in-memory one (a stub's "inmemory" line).
struct ShardAddress {
    enum class Kind { local, tcp, program, inmemory };
    Kind kind = Kind::local;
    std::string path;       ///< local: the database folder (or single file)
    std::string host;       ///< tcp: a name or an address (IPv6 without brackets)
    unsigned port = 0;      ///< tcp
    std::string program;    ///< program: the program, then its arguments
    std::string listed_by;  ///< "STUB, line N" when a stub lists it; "" when -d names it

    /// How messages name it: the path, tcp://HOST:PORT, "remote :PROGRAM ARGS" or "inmemory".
    std::string name() const;
    /// name(), followed by the stub line that lists it, if one does.
    std::string described() const;
    /// True when Xapian's remote backend reads it (tcp or program).
    bool remote() const;
};

/// The address of a `tcp://HOST:PORT` argument (`tcp://[::1]:PORT` for IPv6), or nullopt when
/// the argument does not start with tcp://. Throws UsageError for a malformed one.
std::optional<ShardAddress> tcp_address(const std::string& argument);

/// The shards that -d arguments name, in order: local databases, tcp:// addresses, and the
/// lines of stub files (a file, or a folder holding XAPIANDB), nested stubs expanded. A shard
/// named twice is kept once, and its name added to *repeated. Throws UsageError for a malformed
/// tcp:// address; DatabaseError for a stub that cannot be read, has a bad line (naming it) or
/// leads back to itself through the stubs it lists.
std::vector<ShardAddress> shard_addresses(const std::vector<std::string>& arguments,
                                          std::vector<std::string>* repeated = nullptr);

/// The open shards of a search: one Xapian::Database over all of them, and their merged
/// metadata. With ShardOptions::partial, a shard that cannot be opened, reached or read is
/// left out, and notices() says so; without it, that is a DatabaseError naming the shard.
class ShardSet {
  public:
    /// Opens every shard the -d arguments name. Throws as shard_addresses does, and
    /// DatabaseError when a shard cannot be searched (unless partial) or none can.
    ShardSet(const std::vector<std::string>& arguments, ShardOptions options);

    /// Opens the shards again, at their newest revision and over new connections. ShardSet left
    /// out stay out. Throws as the constructor.
    void reopen();
    /// After a NetworkError: finds the remote shards that cannot be reached (a new connection
    /// fails) or did not answer in time. Throws DatabaseError naming them, unless partial: then
    /// they are left out (for the rest of this object's life) and the caller reopens. When
    /// every shard answers, the caller only reopens (a server had closed an idle connection).
    void recover(const Xapian::NetworkError& error);

    /// The shards searched, as one database (see reopen()).
    const Xapian::Database& database() const { return db_; }
    /// Every language of every shard searched, sorted, once each.
    const std::vector<std::string>& languages() const { return languages_; }
    /// The oldest schema version among the shards searched (kSchemaVersion when none has one).
    int schema_version() const;
    /// The names of the shards searched, in order.
    std::vector<std::string> names() const;
    /// The names of the remote shards searched: Xapian's remote backend runs only Xapian's own
    /// classes on them and serves no spelling data.
    std::vector<std::string> remote_names() const;
    /// The local databases searched (paths), for their size on disk.
    std::vector<std::string> local_paths() const;
    /// What results should say about the shards: each one left out and why, shards named twice.
    const std::vector<std::string>& notices() const { return notices_; }

  private:
    struct Open {
        ShardAddress address;
        Xapian::Database db;
        std::string languages;       ///< the shard's own metadata
        std::string schema_version;  ///< "" for an empty shard that has none yet
    };
    /// Opens the shards not left out; with partial, those that fail are left out.
    void open_all();
    void leave_out(const ShardAddress& address, const std::string& why);
    /// How to go on without a shard, for messages; "" when there is only one.
    std::string partial_hint() const;
    /// Rebuilds db_ and languages_ from open_.
    void combine();

    std::vector<ShardAddress> addresses_;  ///< every shard named, left out or not
    std::vector<bool> left_out_;           ///< by index into addresses_
    ShardOptions options_;
    std::vector<Open> open_;
    Xapian::Database db_;
    std::vector<std::string> languages_;
    std::vector<std::string> notices_;
    std::string failures_;  ///< "NAME: why; ..." of the shards left out
};

}  // namespace morgue
