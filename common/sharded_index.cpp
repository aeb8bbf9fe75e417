#include "sharded_index.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "errors.h"
#include "index_writer.h"
#include "schema.h"
#include "segment_writers.h"
#include "stub.h"

namespace morgue {

namespace fs = std::filesystem;

namespace {

/// Reads of a shard that its writer commits to meanwhile, at most: a commit can discard the
/// revision a reader is on (DatabaseModifiedError), and the reader starts again from the newest.
constexpr int kReadAttempts = 5;

/// Text queued for the shards' threads, all together, at most: as much as one writer of a
/// database holds (segment_writers.h), shared out among the shards open.
constexpr std::size_t kQueuedText = SegmentWriters::kQueuedTextPerWriter;
/// A shard's share, at least.
constexpr std::size_t kQueuedTextPerShard = 1024 * 1024;

}  // namespace

ShardedIndex::ShardedIndex(const ShardedOptions& options) {
    writing_.spelling = options.spelling;
    writing_.waiting = options.waiting;
    writing_.batch_size = options.batch_size;
    // A shard's segment lanes take half a database's share each: with its queue, one shard
    // written in segments holds about what the writers of one database do (kQueuedText twice).
    writing_.queued_text = SegmentWriters::kQueuedTextPerWriter / 2;
    open_archive(options);
}

ShardedIndex::~ShardedIndex() = default;

void ShardedIndex::open_archive(const ShardedOptions& options) {
    // What the path is, and whether the request fits it, before anything is made or locked.
    shards::Archive seen = shards::inspect(options.location);
    shards::resolve_layout(seen, options.requested, options.location);
    folder_ = seen.folder;
    std::error_code ec;
    fs::create_directories(folder_, ec);
    if (ec) {
        throw DatabaseError("cannot create archive folder '" + folder_ + "': " + ec.message());
    }
    lock_.emplace(folder_, writing_.waiting);
    shards::Archive archive = shards::inspect(options.location);  // again, under the lock
    layout_ = shards::resolve_layout(archive, options.requested, options.location);
    writing_.layout = shards::layout_value(layout_);
    // Hash shards are written at once, each on a core; records of a time archive often come
    // in date order, to one shard at a time, which writes a fresh shard on several threads.
    writing_.lanes = layout_.scheme == shards::Scheme::hash ? 0 : options.lanes;
    remove_stale_work(archive.shards);
    std::vector<std::string> names = archive.shards;
    for (unsigned i = 0; layout_.scheme == shards::Scheme::hash && i < layout_.count; ++i) {
        if (std::find(names.begin(), names.end(), shards::hash_shard_name(i)) == names.end()) {
            names.push_back(shards::hash_shard_name(i));
        }
    }
    shards::sort_for_stub(names);
    std::set<std::string> disagreeing;
    for (const std::string& name : names) {
        std::uint32_t index = add_shard(name);
        if (std::find(archive.shards.begin(), archive.shards.end(), name) != archive.shards.end()) {
            read_shard(index, disagreeing);
        }
    }
    for (const std::string& key : disagreeing) {
        file_states_.erase(key);  // a run was killed between the shards' commits: read it again
    }
    if (layout_.scheme == shards::Scheme::hash) {
        for (std::uint32_t i = 0; i < shards_.size(); ++i) {
            writer(i);  // every hash shard gets documents: all are made and opened at once
        }
    }
    write_stub();
}

void ShardedIndex::remove_stale_work(const std::vector<std::string>& names) const {
    // Every run that makes work files holds the archive's lock, as this one does now.
    remove_stale_work_folders(folder_);
    for (const std::string& name : names) {
        remove_stale_work_folders((fs::path(folder_) / name).string());
    }
    std::string stub_work = std::string(stub::kStubName) + ".new.";
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder_, ec)) {
        if (entry.path().filename().string().rfind(stub_work, 0) == 0) {
            fs::remove(entry.path(), ec);
        }
    }
}

std::uint32_t ShardedIndex::add_shard(const std::string& name) {
    auto index = static_cast<std::uint32_t>(shards_.size());
    shards_.push_back(std::make_unique<Shard>());
    shards_.back()->name = name;
    shards_.back()->path = (fs::path(folder_) / name).string();
    by_name_[name] = index;
    return index;
}

void ShardedIndex::read_shard(std::uint32_t index, std::set<std::string>& disagreeing) {
    Shard& shard = *shards_[index];
    try {
        Xapian::Database db(shard.path);
        std::string version = db.get_metadata(std::string(schema::kSchemaVersionKey));
        if (!version.empty()) {
            schema::check_schema_version(shard.path, version, "morgue-index");
        }
        std::string prefix(schema::kFileStatePrefix);
        for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
            std::string state = db.get_metadata(*it);
            auto [known, added] = file_states_.emplace(*it, state);
            if (!added && known->second != state) {
                disagreeing.insert(*it);
            }
            state_holders_[*it].push_back(index);
        }
        if (layout_.scheme != shards::Scheme::hash && db.get_doccount() > 0) {
            shard.held = db;
        }
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cannot read shard '" + shard.path + "': " + e.get_description());
    }
}

ShardWriter& ShardedIndex::writer(std::uint32_t index) {
    Shard& shard = *shards_[index];
    if (!shard.writer) {
        shard.writer = std::make_unique<ShardWriter>(shard.path, writing_);
        ++writers_;
        std::size_t share = std::max(kQueuedText / writers_, kQueuedTextPerShard);
        for (const auto& open : shards_) {
            if (open->writer) {
                open->writer->set_queue_limit(share);
            }
        }
    }
    return *shard.writer;
}

std::uint32_t ShardedIndex::shard_named(const std::string& name) {
    auto found = by_name_.find(name);
    if (found != by_name_.end()) {
        return found->second;
    }
    std::uint32_t index = add_shard(name);
    writer(index);  // made, its layout committed, before the stub lists it
    write_stub();
    return index;
}

void ShardedIndex::write_stub() {
    std::vector<std::string> names;
    for (const auto& shard : shards_) {
        names.push_back(shard->name);
    }
    shards::sort_for_stub(names);
    std::string path = (fs::path(folder_) / stub::kStubName).string();
    if (stub::stub_file(folder_)) {
        std::vector<std::string> listed;
        for (const stub::Entry& entry : stub::read(path)) {
            listed.push_back(fs::path(entry.path).filename().string());
        }
        if (listed == names) {
            return;
        }
    }
    stub::write(path, names);
}

bool ShardedIndex::remove(std::string_view id) {
    std::string term = schema::id_term(id);
    bool found = false;
    for (std::uint32_t i = 0; i < shards_.size(); ++i) {
        writer(i).run([&](IndexWriter& shard) { found = shard.remove_term(term) || found; });
    }
    return found;
}

void ShardedIndex::write(const Article& article, Xapian::Document document) {
    std::string term = schema::id_term(article.id);
    std::uint64_t record = ++records_;
    std::uint32_t target = shard_named(shards::shard_of(layout_, term, article.date));
    if (layout_.scheme != shards::Scheme::hash) {
        remove_copies(target, term, record);  // a hash shard is the only one its ids go to
    }
    writer(target).write(record, std::move(document), term, article.lang,
                         article.title.size() + article.body.size());
    touch(target);
}

void ShardedIndex::remove_copies(std::uint32_t target, const std::string& id_term,
                                 std::uint64_t record) {
    std::vector<std::uint32_t> done;
    for (std::uint32_t i = 0; i < shards_.size(); ++i) {
        if (i != target && shards_[i]->held && held_before(*shards_[i], id_term)) {
            remove_copy(i, id_term, record, done);
        }
    }
    std::uint64_t hash = shards::id_hash(id_term);
    auto [first, added] = written_.try_emplace(hash, target);
    if (added) {
        return;
    }
    // Written before in this run, or another id of the same hash was: every shard it went to
    // is asked (a shard without the id removes nothing).
    bool seen = first->second == target;
    if (!seen) {
        remove_copy(first->second, id_term, record, done);
    }
    auto [begin, end] = also_written_.equal_range(hash);
    for (auto it = begin; it != end; ++it) {
        seen = seen || it->second == target;
        if (it->second != target) {
            remove_copy(it->second, id_term, record, done);
        }
    }
    if (!seen) {
        also_written_.emplace(hash, target);
    }
}

void ShardedIndex::remove_copy(std::uint32_t index, const std::string& id_term,
                               std::uint64_t record, std::vector<std::uint32_t>& done) {
    if (std::find(done.begin(), done.end(), index) != done.end()) {
        return;
    }
    done.push_back(index);
    writer(index).remove_copy(record, id_term);
    touch(index);  // the file's state waits for this removal to be committed too
}

bool ShardedIndex::held_before(Shard& shard, const std::string& id_term) {
    try {
        for (int attempt = 1;; ++attempt) {
            try {
                return shard.held->term_exists(id_term);
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt == kReadAttempts) {
                    throw;
                }
                // Newer revisions only add what this run wrote, which written_ knows too.
                shard.held->reopen();
            }
        }
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cannot read shard '" + shard.path + "': " + e.get_description());
    }
}

void ShardedIndex::touch(std::uint32_t index) {
    if (!shards_[index]->touched) {
        shards_[index]->touched = true;
        touched_.push_back(index);
    }
}

void ShardedIndex::file_done(const std::string& path, std::uint64_t size, std::int64_t mtime_ns) {
    for (std::uint32_t index : touched_) {
        shards_[index]->touched = false;
    }
    uncommitted_.push_back(PendingFile{path, size, mtime_ns, std::move(touched_), {}});
    touched_.clear();
}

void ShardedIndex::commit() {
    record_committed_files();  // their states go with this commit
    commit_all(false);
}

void ShardedIndex::commit_all(bool merge) {
    for (const auto& shard : shards_) {
        if (shard->writer && (merge || shard->writer->dirty())) {
            shard->writer->commit(merge);
        }
    }
    for (PendingFile& file : uncommitted_) {
        for (std::uint32_t index : file.shards) {
            file.commits.emplace_back(index, shards_[index]->writer->last_ticket());
        }
        committing_.push_back(std::move(file));
    }
    uncommitted_.clear();
}

void ShardedIndex::record_committed_files() {
    while (!committing_.empty()) {
        const PendingFile& file = committing_.front();
        for (const auto& [index, ticket] : file.commits) {
            if (shards_[index]->writer->committed() < ticket) {
                return;  // later files wait too: states are recorded in the order files end
            }
        }
        record_file(file);
        committing_.pop_front();
    }
}

void ShardedIndex::record_file(const PendingFile& file) {
    std::vector<std::uint32_t> targets = file.shards;
    auto holders = state_holders_.find(file_state_key(file.path));
    if (holders != state_holders_.end()) {
        for (std::uint32_t index : holders->second) {
            if (std::find(targets.begin(), targets.end(), index) == targets.end()) {
                targets.push_back(index);  // its older state must not outlive this one
            }
        }
    }
    if (targets.empty()) {
        // No document of the file was written: any shard remembers that it was read.
        auto open = std::find_if(shards_.begin(), shards_.end(),
                                 [](const auto& shard) { return shard->writer != nullptr; });
        if (open == shards_.end()) {
            return;  // no shard yet: the file is read again next time, as cheaply
        }
        targets.push_back(static_cast<std::uint32_t>(open - shards_.begin()));
    }
    for (std::uint32_t index : targets) {
        writer(index).remember_file(file.path, file.size, file.mtime_ns);
    }
}

std::uint64_t ShardedIndex::finish() {
    if (shards_.empty()) {
        // A time archive given no record yet still records its layout, in a shard of its own.
        shard_named(std::string(shards::kUndated));
    }
    record_committed_files();
    commit_all(true);
    for (const auto& shard : shards_) {
        if (shard->writer) {
            shard->writer->wait_committed(shard->writer->last_ticket());
        }
    }
    record_committed_files();
    finish_all();
    std::vector<std::uint64_t> replaced;
    for (const auto& shard : shards_) {
        if (shard->writer) {
            replaced.insert(replaced.end(), shard->writer->replaced().begin(),
                            shard->writer->replaced().end());
        }
    }
    std::sort(replaced.begin(), replaced.end());
    return static_cast<std::uint64_t>(std::unique(replaced.begin(), replaced.end()) -
                                      replaced.begin());
}

void ShardedIndex::finish_all() {
    for (const auto& shard : shards_) {
        if (shard->writer) {
            shard->writer->finish();
        }
    }
}

CompactionResult ShardedIndex::compact() {
    for (std::uint32_t i = 0; i < shards_.size(); ++i) {
        writer(i);  // each shard's lock, held while it is compacted
    }
    finish_all();
    CompactionResult total;
    for (const auto& shard : shards_) {
        shard->held.reset();
        CompactionResult sizes =
            compact_in_place(shard->path, {}, [&shard] { shard->writer->close(); });
        total.bytes_before += sizes.bytes_before;
        total.bytes_after += sizes.bytes_after;
    }
    return total;
}

CompactionResult ShardedIndex::merge(std::size_t& shards) {
    std::vector<std::string> names;
    for (std::uint32_t i = 0; i < shards_.size(); ++i) {
        writer(i);
        names.push_back(shards_[i]->name);
    }
    finish_all();
    shards::sort_for_stub(names);
    std::vector<std::string> paths;
    for (const std::string& name : names) {
        paths.push_back(shards_[by_name_.at(name)]->path);
    }
    shards = paths.size();
    return merge_in_place(folder_, paths, [this] {
        for (const auto& shard : shards_) {
            shard->held.reset();
            shard->writer->close();
        }
    });
}

}  // namespace morgue
