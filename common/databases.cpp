#include "databases.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "errors.h"
#include "schema.h"
#include "stub.h"

namespace morgue {

namespace {

namespace fs = std::filesystem;

std::string canonical(const std::string& path) {
    std::error_code ec;
    fs::path resolved = fs::weakly_canonical(path, ec);
    return ec ? fs::absolute(path, ec).lexically_normal().string() : resolved.string();
}

bool valid_port(const std::string& port) {
    return !port.empty() && port.size() <= 5 &&
           port.find_first_not_of("0123456789") == std::string::npos && std::stoul(port) >= 1 &&
           std::stoul(port) <= 65535;
}

/// Stubs and their lines, from the -d argument down to the stub being read.
struct Expansion {
    std::vector<ShardAddress> shards;
    std::set<std::string> seen;      ///< canonical paths and names of shards kept
    std::vector<std::string> chain;  ///< canonical paths of the stubs being read
    std::vector<std::string> steps;  ///< "STUB, line N" that led to each next stub
    std::vector<std::string>* repeated = nullptr;
};

void add(Expansion& x, ShardAddress address) {
    std::string key =
        address.kind == ShardAddress::Kind::local ? canonical(address.path) : address.name();
    if (address.kind != ShardAddress::Kind::inmemory && !x.seen.insert(key).second) {
        if (x.repeated != nullptr) {
            x.repeated->push_back(address.described());
        }
        return;
    }
    x.shards.push_back(std::move(address));
}

void expand_location(Expansion& x, const std::string& location, const std::string& listed_by);

ShardAddress address_of(const stub::Entry& entry, const std::string& listed_by) {
    ShardAddress address;
    address.listed_by = listed_by;
    switch (entry.kind) {
        case stub::Entry::Kind::tcp:
            address.kind = ShardAddress::Kind::tcp;
            address.host = entry.host;
            address.port = entry.port;
            break;
        case stub::Entry::Kind::program:
            address.kind = ShardAddress::Kind::program;
            address.program = entry.program;
            break;
        case stub::Entry::Kind::inmemory:
            address.kind = ShardAddress::Kind::inmemory;
            break;
        case stub::Entry::Kind::local:
            address.path = entry.path;
            break;
    }
    return address;
}

void expand_stub(Expansion& x, const std::string& stub_path) {
    std::string key = canonical(stub_path);
    auto loop = std::find(x.chain.begin(), x.chain.end(), key);
    if (loop != x.chain.end()) {
        std::string path;
        for (auto step = x.steps.begin() + (loop - x.chain.begin()); step != x.steps.end();
             ++step) {
            path += *step + " -> ";
        }
        throw DatabaseError("stub databases list each other in a loop: " + path + stub_path +
                            " again; a stub must not lead back to itself");
    }
    x.chain.push_back(key);
    for (const stub::Entry& entry : stub::read(stub_path)) {
        std::string listed_by = stub_path + ", line " + std::to_string(entry.line);
        if (entry.kind != stub::Entry::Kind::local) {
            add(x, address_of(entry, listed_by));
            continue;
        }
        x.steps.push_back(listed_by);
        expand_location(x, entry.path, listed_by);
        x.steps.pop_back();
    }
    x.chain.pop_back();
}

void expand_location(Expansion& x, const std::string& location, const std::string& listed_by) {
    if (std::optional<std::string> stub = stub::stub_file(location)) {
        expand_stub(x, *stub);
        return;
    }
    ShardAddress address;
    address.path = location;
    address.listed_by = listed_by;
    add(x, std::move(address));
}

/// A shard that cannot be searched: the message of the error, and the reason alone (for the
/// notice of --partial).
class ShardError : public DatabaseError {
  public:
    ShardError(const std::string& message, std::string reason)
        : DatabaseError(message), reason_(std::move(reason)) {}
    const std::string& reason() const { return reason_; }

  private:
    std::string reason_;
};

/// True when e is of Xapian's error class type (Xapian's errors have no virtual functions).
bool is(const Xapian::Error& e, std::string_view type) {
    return type == e.get_type();
}

std::string seconds(unsigned milliseconds) {
    std::ostringstream out;
    out << static_cast<double>(milliseconds) / 1000 << " s";
    return out.str();
}

/// Why a shard failed, without its name.
std::string reason_of(const Xapian::Error& e, unsigned timeout_ms, const ShardAddress& address) {
    if (is(e, "NetworkTimeoutError")) {
        return "no answer within " + seconds(timeout_ms) + " (--remote-timeout)";
    }
    if (is(e, "NetworkError") && address.host.find(':') != std::string::npos) {
        return e.get_msg() + "; Xapian " + Xapian::version_string() +
               " connects to remote databases over IPv4 only: serve the shard on an IPv4 address";
    }
    if (is(e, "NetworkError")) {
        const char* detail = e.get_error_string();
        return e.get_msg() + (detail != nullptr && *detail != '\0'
                                  ? std::string(" (") + detail + ")"
                                  : std::string());
    }
    return e.get_description();
}

/// Xapian's name for a remote shard in the context of its errors.
std::string error_context(const ShardAddress& address) {
    if (address.kind == ShardAddress::Kind::tcp) {
        return "remote:tcp(" + address.host + ":" + std::to_string(address.port) + ")";
    }
    return "remote:prog(" + address.program + ")";
}

Xapian::Database connect(const ShardAddress& address, unsigned timeout_ms) {
    auto timeout = static_cast<useconds_t>(timeout_ms);
    switch (address.kind) {
        case ShardAddress::Kind::tcp:
            return Xapian::Remote::open(address.host, address.port, timeout, timeout);
        case ShardAddress::Kind::program: {
            std::size_t space = address.program.find(' ');
            std::string args =
                space == std::string::npos ? std::string() : address.program.substr(space + 1);
            return Xapian::Remote::open(address.program.substr(0, space), args, timeout);
        }
        case ShardAddress::Kind::inmemory:
            return Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
        case ShardAddress::Kind::local:
            break;
    }
    return Xapian::Database(address.path);
}

/// Opens a local shard, again when a writer swaps a compacted copy in meanwhile.
Xapian::Database connect_retrying(const ShardAddress& address, unsigned timeout_ms) {
    for (int attempt = 1;; ++attempt) {
        try {
            return connect(address, timeout_ms);
        } catch (const Xapian::DatabaseNotFoundError&) {
            throw;
        } catch (const Xapian::DatabaseError&) {
            if (attempt == kReadAttempts || address.remote()) {
                throw;
            }
        }
    }
}

std::string listed(const ShardAddress& address) {
    return address.listed_by.empty() ? std::string() : " (listed by " + address.listed_by + ")";
}

/// The schema version and languages of an open shard; throws DatabaseError for one that is not
/// morgue's or of a newer schema.
void check_shard(const ShardAddress& address, const Xapian::Database& db, std::string& version,
                 std::string& languages) {
    version = db.get_metadata(std::string(schema::kSchemaVersionKey));
    languages = db.get_metadata(std::string(schema::kLanguagesKey));
    if (version.empty() && db.get_doccount() == 0) {
        return;  // created by a morgue-index that has committed nothing yet: empty, not foreign
    }
    try {
        if (version.empty()) {
            throw DatabaseError("'" + address.name() +
                                "' is not a morgue database (no schema version)");
        }
        schema::check_schema_version(address.name(), version, "morgue-search");
    } catch (const DatabaseError& e) {
        throw ShardError(e.what() + listed(address), e.what());
    }
}

/// The message of a shard that failed to open or to answer.
ShardError failure(const ShardAddress& address, const Xapian::Error& e, unsigned timeout_ms) {
    std::string reason = reason_of(e, timeout_ms, address);
    if (address.remote()) {
        return ShardError("cannot reach shard " + address.described() + ": " + reason, reason);
    }
    if (!is(e, "DatabaseNotFoundError")) {
        return ShardError("cannot open database " + address.described() + ": " + reason, reason);
    }
    if (address.listed_by.empty()) {
        return ShardError("no database at '" + address.path +
                              "'; build one with: morgue-index -d " + address.path + " FILES...",
                          "no database there");
    }
    return ShardError("no database at " + address.described(), "no database there");
}

}  // namespace

std::string ShardAddress::name() const {
    switch (kind) {
        case Kind::tcp:
            return "tcp://" + (host.find(':') == std::string::npos ? host : "[" + host + "]") +
                   ":" + std::to_string(port);
        case Kind::program:
            return "remote :" + program;
        case Kind::inmemory:
            return "inmemory";
        case Kind::local:
            break;
    }
    return path;
}

std::string ShardAddress::described() const {
    return (kind == Kind::local ? "'" + path + "'" : name()) + listed(*this);
}

bool ShardAddress::remote() const {
    return kind == Kind::tcp || kind == Kind::program;
}

std::optional<ShardAddress> tcp_address(const std::string& argument) {
    const std::string scheme = "tcp://";
    if (argument.rfind(scheme, 0) != 0) {
        return std::nullopt;
    }
    std::string rest = argument.substr(scheme.size());
    ShardAddress address;
    address.kind = ShardAddress::Kind::tcp;
    std::string port;
    std::size_t close = rest.find(']');
    if (!rest.empty() && rest.front() == '[' && close != std::string::npos &&
        rest.compare(close + 1, 1, ":") == 0) {
        address.host = rest.substr(1, close - 1);
        port = rest.substr(close + 2);
    } else if (std::size_t colon = rest.rfind(':'); colon != std::string::npos) {
        address.host = rest.substr(0, colon);
        port = rest.substr(colon + 1);
    }
    if (address.host.empty() || !valid_port(port) ||
        (rest.front() != '[' && address.host.find(':') != std::string::npos) ||
        address.host.find_first_of("/[] ") != std::string::npos) {
        throw UsageError("-d " + argument +
                         ": expected tcp://HOST:PORT, a port from 1 to 65535 (IPv6: "
                         "tcp://[ADDRESS]:PORT)");
    }
    address.port = static_cast<unsigned>(std::stoul(port));
    return address;
}

std::vector<ShardAddress> shard_addresses(const std::vector<std::string>& arguments,
                                          std::vector<std::string>* repeated) {
    Expansion x;
    x.repeated = repeated;
    for (const std::string& argument : arguments) {
        if (std::optional<ShardAddress> tcp = tcp_address(argument)) {
            add(x, std::move(*tcp));
        } else {
            expand_location(x, argument, "");
        }
    }
    return x.shards;
}

ShardSet::ShardSet(const std::vector<std::string>& arguments, ShardOptions options)
    : options_(options) {
    std::vector<std::string> repeated;
    addresses_ = shard_addresses(arguments, &repeated);
    left_out_.assign(addresses_.size(), false);
    for (const std::string& name : repeated) {
        notices_.push_back("shard " + name + " is named twice; it is searched once");
    }
    if (addresses_.empty()) {
        throw DatabaseError("no shard to search: the stub databases given list none");
    }
    open_all();
}

void ShardSet::reopen() {
    open_all();
}

void ShardSet::open_all() {
    open_.clear();
    for (std::size_t i = 0; i < addresses_.size(); ++i) {
        if (left_out_[i]) {
            continue;
        }
        const ShardAddress& address = addresses_[i];
        Open shard{address, {}, {}, {}};
        try {
            try {
                shard.db = connect_retrying(address, options_.remote_timeout_ms);
                check_shard(address, shard.db, shard.schema_version, shard.languages);
            } catch (const Xapian::Error& e) {
                throw failure(address, e, options_.remote_timeout_ms);
            }
        } catch (const ShardError& e) {
            if (!options_.partial || addresses_.size() == 1) {
                throw DatabaseError(e.what() + partial_hint());
            }
            left_out_[i] = true;
            leave_out(address, e.reason());
            continue;
        }
        open_.push_back(std::move(shard));
    }
    if (open_.empty()) {
        throw DatabaseError("none of the " + std::to_string(addresses_.size()) +
                            " shards can be searched: " + failures_);
    }
    combine();
}

std::string ShardSet::partial_hint() const {
    return addresses_.size() > 1 ? "; --partial searches the other shards without it" : "";
}

void ShardSet::leave_out(const ShardAddress& address, const std::string& why) {
    notices_.push_back("shard " + address.described() + " left out (--partial): " + why);
    failures_ += (failures_.empty() ? "" : "; ") + address.name() + ": " + why;
}

void ShardSet::combine() {
    Xapian::Database db;
    std::set<std::string> langs;
    for (const Open& shard : open_) {
        db.add_database(shard.db);
        std::istringstream words(shard.languages);
        for (std::string lang; words >> lang;) {
            langs.insert(lang);
        }
    }
    db_ = db;
    languages_.assign(langs.begin(), langs.end());
}

void ShardSet::recover(const Xapian::NetworkError& error) {
    std::vector<std::pair<std::size_t, std::string>> lost;  // index into addresses_, why
    bool timeout = is(error, "NetworkTimeoutError");
    for (std::size_t i = 0; i < addresses_.size(); ++i) {
        if (left_out_[i] || !addresses_[i].remote()) {
            continue;
        }
        try {
            connect(addresses_[i], options_.remote_timeout_ms).get_doccount();
            if (timeout && error.get_context() == error_context(addresses_[i])) {
                lost.emplace_back(i, reason_of(error, options_.remote_timeout_ms, addresses_[i]));
            }
        } catch (const Xapian::Error& e) {
            lost.emplace_back(i, reason_of(e, options_.remote_timeout_ms, addresses_[i]));
        }
    }
    if (lost.empty() && timeout) {
        throw DatabaseError("a remote shard did not answer within " +
                            seconds(options_.remote_timeout_ms) + " (" + error.get_description() +
                            "); --remote-timeout waits longer");
    }
    for (const auto& [index, why] : lost) {
        if (!options_.partial) {
            throw DatabaseError("lost shard " + addresses_[index].described() + ": " + why +
                                partial_hint());
        }
        left_out_[index] = true;
        leave_out(addresses_[index], why);
    }
}

int ShardSet::schema_version() const {
    int oldest = schema::kSchemaVersion;
    for (const Open& shard : open_) {
        if (!shard.schema_version.empty()) {
            oldest = std::min(oldest, std::stoi(shard.schema_version));
        }
    }
    return oldest;
}

std::vector<std::string> ShardSet::names() const {
    std::vector<std::string> names;
    for (const Open& shard : open_) {
        names.push_back(shard.address.name());
    }
    return names;
}

std::vector<std::string> ShardSet::remote_names() const {
    std::vector<std::string> names;
    for (const Open& shard : open_) {
        if (shard.address.remote()) {
            names.push_back(shard.address.name());
        }
    }
    return names;
}

std::vector<std::string> ShardSet::local_paths() const {
    std::vector<std::string> paths;
    for (const Open& shard : open_) {
        if (shard.address.kind == ShardAddress::Kind::local) {
            paths.push_back(shard.address.path);
        }
    }
    return paths;
}

}  // namespace morgue
