#include "shards.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <tuple>

#include <xapian.h>

#include "dates.h"
#include "errors.h"
#include "schema.h"
#include "stub.h"

namespace morgue::shards {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kHashShardPrefix = "shard-";

/// The digits of text as a number, when text is nothing but 1 to 4 digits.
std::optional<unsigned> small_number(std::string_view text) {
    unsigned number = 0;
    if (text.empty() || text.size() > 4 ||
        text.find_first_not_of("0123456789") != std::string_view::npos) {
        return std::nullopt;
    }
    std::from_chars(text.data(), text.data() + text.size(), number);
    return number;
}

/// "shard-K" with K written without leading zeros: K.
std::optional<unsigned> hash_index(std::string_view name) {
    if (name.substr(0, kHashShardPrefix.size()) != kHashShardPrefix) {
        return std::nullopt;
    }
    std::string_view digits = name.substr(kHashShardPrefix.size());
    std::optional<unsigned> index = small_number(digits);
    if (!index || (digits.size() > 1 && digits[0] == '0')) {
        return std::nullopt;
    }
    return index;
}

bool is_year(std::string_view name) {
    return name.size() == 4 && small_number(name) && name != "0000";
}

bool is_month(std::string_view name) {
    if (name.size() != 7 || name[4] != '-' || !is_year(name.substr(0, 4))) {
        return false;
    }
    std::optional<unsigned> month = small_number(name.substr(5));
    return month && *month >= 1 && *month <= 12;
}

bool is_database(const fs::path& folder) {
    std::error_code ec;
    for (const char* marker : {"iamglass", "iamchert", "iamhoney"}) {
        if (fs::exists(folder / marker, ec)) {
            return true;
        }
    }
    return false;
}

/// The layout a shard records: nullopt for a shard created by a run killed before it recorded
/// one (it holds no document yet). Throws DatabaseError for a shard that is not morgue's.
std::optional<Layout> recorded_layout(const std::string& path) {
    std::string value;
    Xapian::doccount documents = 0;
    try {
        Xapian::Database shard(path);
        value = shard.get_metadata(std::string(schema::kShardingKey));
        documents = shard.get_doccount();
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cannot read shard '" + path + "': " + e.get_description());
    }
    if (value.empty() && documents == 0) {
        return std::nullopt;
    }
    std::optional<Layout> layout = parse_layout(value);
    if (!layout) {
        throw DatabaseError("shard '" + path + "' records no sharding layout ('" +
                            std::string(schema::kShardingKey) + "' is '" + value +
                            "'): it is not a shard that morgue-index wrote");
    }
    return layout;
}

/// The archive's shards as its stub lists them. A line that is not a shard in the folder makes
/// the archive Kind::other, with the reason in why.
std::vector<std::string> listed_shards(const fs::path& folder, const std::string& stub_path,
                                       std::string& why) {
    std::vector<std::string> names;
    for (const stub::Entry& entry : stub::read(stub_path)) {
        fs::path path(entry.path);
        bool shard = entry.kind == stub::Entry::Kind::local &&
                     path.parent_path() == folder.lexically_normal() &&
                     is_any_shard_name(path.filename().string());
        if (!shard) {
            why = "'" + stub_path + "', line " + std::to_string(entry.line) +
                  ", lists a database that is not a shard in the archive's folder";
            return {};
        }
        names.push_back(path.filename().string());
    }
    return names;
}

/// Shard databases in the folder that its stub may not list yet (a run was killed between
/// making one and listing it).
void add_unlisted_shards(const fs::path& folder, std::vector<std::string>& names) {
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec)) {
        std::string name = entry.path().filename().string();
        if (is_any_shard_name(name) && is_database(entry.path()) &&
            std::find(names.begin(), names.end(), name) == names.end()) {
            names.push_back(name);
        }
    }
}

/// Reads the layout every shard records; they must agree, and the names must fit it.
void read_layout(Archive& archive) {
    std::string first;
    for (const std::string& name : archive.shards) {
        std::string path = (fs::path(archive.folder) / name).string();
        if (!is_database(path)) {
            throw DatabaseError("archive '" + archive.folder + "' lists shard '" + name +
                                "', which is missing or not a database");
        }
        std::optional<Layout> layout = recorded_layout(path);
        if (!layout) {
            continue;
        }
        if (first.empty()) {
            archive.layout = *layout;
            first = path;
        } else if (!(*layout == archive.layout)) {
            throw DatabaseError("shard '" + path + "' records " + describe(*layout) +
                                " but shard '" + first + "' " + describe(archive.layout) +
                                ": the archive is damaged");
        }
    }
    for (const std::string& name : archive.shards) {
        if (archive.layout.scheme != Scheme::none && !is_shard_name(archive.layout, name)) {
            throw DatabaseError("shard '" + (fs::path(archive.folder) / name).string() +
                                "' does not fit the archive's layout (" + describe(archive.layout) +
                                ")");
        }
    }
}

/// The folder's path without a trailing slash.
fs::path clean_folder(const std::string& location) {
    fs::path clean = fs::path(location).lexically_normal();
    return clean.filename().empty() && clean.has_parent_path() ? clean.parent_path() : clean;
}

Archive inspect_folder(const fs::path& folder) {
    Archive archive;
    archive.folder = folder.string();
    if (is_database(folder)) {
        archive.kind = Archive::Kind::database;
        return archive;
    }
    add_unlisted_shards(folder, archive.shards);
    if (!archive.shards.empty()) {
        archive.kind = Archive::Kind::archive;  // made by a run killed before its stub
        sort_for_stub(archive.shards);
        read_layout(archive);
        return archive;
    }
    std::error_code ec;
    archive.kind = fs::is_empty(folder, ec) ? Archive::Kind::empty_folder : Archive::Kind::other;
    return archive;
}

}  // namespace

Layout requested_layout(std::optional<unsigned> shards, const std::string& shard_by) {
    if (shards && !shard_by.empty()) {
        throw UsageError(
            "--shards and --shard-by exclude each other: an archive is split by "
            "a hash of the ids or by date, not both");
    }
    if (!shard_by.empty()) {
        if (shard_by != "year" && shard_by != "month") {
            throw UsageError("--shard-by " + shard_by + ": give year or month");
        }
        return Layout{shard_by == "year" ? Scheme::year : Scheme::month, 0};
    }
    if (!shards) {
        return Layout{};
    }
    if (*shards < 2 || *shards > kMaxHashShards) {
        throw UsageError("--shards " + std::to_string(*shards) + ": give 2 to " +
                         std::to_string(kMaxHashShards) +
                         " shards (leave --shards out for a single database)");
    }
    return Layout{Scheme::hash, *shards};
}

std::string layout_value(const Layout& layout) {
    switch (layout.scheme) {
        case Scheme::hash:
            return "hash " + std::to_string(layout.count);
        case Scheme::year:
            return "year";
        case Scheme::month:
            return "month";
        case Scheme::none:
            break;
    }
    return {};
}

std::optional<Layout> parse_layout(std::string_view value) {
    if (value == "year") {
        return Layout{Scheme::year, 0};
    }
    if (value == "month") {
        return Layout{Scheme::month, 0};
    }
    if (value.substr(0, 5) != "hash ") {
        return std::nullopt;
    }
    std::optional<unsigned> count = small_number(value.substr(5));
    if (!count || *count < 2 || *count > kMaxHashShards || value[5] == '0') {
        return std::nullopt;
    }
    return Layout{Scheme::hash, *count};
}

std::string describe(const Layout& layout) {
    switch (layout.scheme) {
        case Scheme::hash:
            return std::to_string(layout.count) + " hash shards";
        case Scheme::year:
            return "one shard per year";
        case Scheme::month:
            return "one shard per month";
        case Scheme::none:
            break;
    }
    return "no shards";
}

std::string flag_of(const Layout& layout) {
    if (layout.scheme == Scheme::hash) {
        return "--shards " + std::to_string(layout.count);
    }
    return "--shard-by " + layout_value(layout);
}

std::uint64_t id_hash(std::string_view id_term) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (char c : id_term) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

unsigned hash_shard(std::string_view id_term, unsigned count) {
    return static_cast<unsigned>(id_hash(id_term) % count);
}

std::string hash_shard_name(unsigned index) {
    return std::string(kHashShardPrefix) + std::to_string(index);
}

std::string time_shard_name(Scheme scheme, std::optional<std::int64_t> date) {
    if (!date) {
        return std::string(kUndated);
    }
    // "YYYY-MM-DDTHH:MM:SSZ": the date's year and month in UTC.
    return dates::format_iso(*date).substr(0, scheme == Scheme::month ? 7 : 4);
}

std::string shard_of(const Layout& layout, std::string_view id_term,
                     std::optional<std::int64_t> date) {
    if (layout.scheme == Scheme::hash) {
        return hash_shard_name(hash_shard(id_term, layout.count));
    }
    return time_shard_name(layout.scheme, date);
}

bool is_shard_name(const Layout& layout, std::string_view name) {
    switch (layout.scheme) {
        case Scheme::hash: {
            std::optional<unsigned> index = hash_index(name);
            return index && *index < layout.count;
        }
        case Scheme::year:
            return name == kUndated || is_year(name);
        case Scheme::month:
            return name == kUndated || is_month(name);
        case Scheme::none:
            break;
    }
    return false;
}

bool is_any_shard_name(std::string_view name) {
    return hash_index(name) || name == kUndated || is_year(name) || is_month(name);
}

void sort_for_stub(std::vector<std::string>& names) {
    auto key = [](const std::string& name) {
        std::optional<unsigned> index = hash_index(name);
        // Hash shards by number; the rest by name, which orders dates; "undated" after them.
        return std::make_tuple(index.value_or(0), name == kUndated, name);
    };
    std::sort(names.begin(), names.end(),
              [&key](const std::string& a, const std::string& b) { return key(a) < key(b); });
}

Archive inspect(const std::string& location) {
    std::error_code ec;
    fs::path path = clean_folder(location);
    if (!fs::exists(path, ec)) {
        Archive archive;
        archive.folder = path.string();
        return archive;
    }
    std::optional<std::string> stub_path = stub::stub_file(path.string());
    if (!stub_path) {
        if (fs::is_directory(path, ec)) {
            return inspect_folder(path);
        }
        Archive other;
        other.kind = Archive::Kind::other;
        other.folder = path.string();
        return other;
    }
    Archive archive;
    archive.kind = Archive::Kind::archive;
    archive.folder = fs::path(*stub_path).parent_path().string();
    if (fs::path(*stub_path).filename() != stub::kStubName) {
        archive.kind = Archive::Kind::other;  // a stub of its own name, listing anything
        archive.folder = path.string();
        archive.why = "a stub file, not a sharded archive (a folder holding " +
                      std::string(stub::kStubName) + " and its shards)";
        return archive;
    }
    std::string why;
    archive.shards = listed_shards(fs::path(archive.folder), *stub_path, why);
    if (!why.empty()) {
        archive.kind = Archive::Kind::other;
        archive.why = why;
        return archive;
    }
    add_unlisted_shards(archive.folder, archive.shards);
    sort_for_stub(archive.shards);
    read_layout(archive);
    return archive;
}

Layout resolve_layout(const Archive& archive, const Layout& requested,
                      const std::string& location) {
    using Kind = Archive::Kind;
    bool asked = requested.scheme != Scheme::none;
    std::string where = "'" + location + "'";
    switch (archive.kind) {
        case Kind::archive:
            if (archive.layout.scheme == Scheme::none && !asked) {
                throw UsageError(where +
                                 " is a sharded archive that holds no shard yet, so its "
                                 "layout is unknown; give --shards N or --shard-by year|month");
            }
            if (archive.layout.scheme == Scheme::none || requested == archive.layout || !asked) {
                return archive.layout.scheme == Scheme::none ? requested : archive.layout;
            }
            throw UsageError(where + " is an archive of " + describe(archive.layout) +
                             " (made with " + flag_of(archive.layout) + "), which " +
                             flag_of(requested) +
                             " contradicts; leave the flag out to add to the archive as it is laid "
                             "out, or index into a new folder");
        case Kind::database:
            throw UsageError(where + " is a database that is not sharded; " + flag_of(requested) +
                             " lays out a new archive only: leave it out to add to this database, "
                             "or give -d a new folder");
        case Kind::other:
            throw UsageError(where +
                             (archive.why.empty() ? " holds files that are not a morgue archive"
                                                  : ": " + archive.why) +
                             "; give -d a new or empty folder for a sharded archive");
        case Kind::absent:
        case Kind::empty_folder:
            break;
    }
    return requested;
}

}  // namespace morgue::shards
