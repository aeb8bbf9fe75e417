#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>

#include <xapian.h>

#include "article.h"
#include "errors.h"
#include "spelling_counts.h"
#include "stem_adapter.h"

namespace morgue {

/// Builds the Xapian document of an article: the only place that generates terms and values.
/// One per thread (it owns a TermGenerator and stemmers).
class DocumentBuilder {
  public:
    DocumentBuilder();
    /// The document with its unique-id term, free-text and field terms, values and data.
    Xapian::Document build(const Article& article);

  private:
    void index_free_text(const Article& article);
    void add_boolean_terms(Xapian::Document& doc, const Article& article);
    static void add_values(Xapian::Document& doc, const Article& article);
    static void add_facet_values(Xapian::Document& doc, const Article& article);
    static void add_copy_keys(Xapian::Document& doc, const Article& article);
    Xapian::TermGenerator generator_;
    StemmerCache stemmers_;
};

/// What happened to one article handed to the writer.
enum class WriteOutcome { added, replaced };

/// The one writer of a database: opens (or creates) it, checks its schema version, replaces
/// documents by unique id, remembers indexed files, and commits in batches. Each batch is a
/// Xapian transaction, so a run that fails before commit() (a full disk) leaves the database
/// exactly as last committed: Xapian would otherwise commit a part of it on destruction.
class IndexWriter {
  public:
    /// Opens or creates the database at path. Throws DatabaseError when it is locked by another
    /// writer, corrupt, or of a newer schema.
    /// spelling: keep the words of every document as spelling data for "did you mean".
    /// waiting: when set and another writer holds the lock, called, and the lock waited for.
    explicit IndexWriter(const std::string& path, bool spelling = true,
                         const std::function<void()>& waiting = {});
    /// Adds or replaces (by unique id) one document built by a DocumentBuilder. Throws
    /// DatabaseError (write_failure) when the database cannot be written.
    WriteOutcome write(const Xapian::Document& doc, const std::string& id_term,
                       const std::string& lang);
    /// True when the database holds no document and never did: new documents can be written
    /// beside it and merged in (SegmentWriters).
    bool fresh() const;
    /// True when a document has this unique-id term.
    bool contains(const std::string& id_term) const;
    /// Counts a language as present, for a document written elsewhere.
    void note_language(const std::string& lang);
    /// Closes the database (after commit()), so that another can take its place on disk.
    void close();
    /// Opens the database at the same path again.
    void reopen();
    /// Removes the document with this id; false when there is none.
    bool remove(std::string_view id);
    /// Removes the document with this unique-id term; false when there is none.
    bool remove_term(const std::string& id_term);
    /// A metadata value of the database ("" when unset).
    std::string metadata(std::string_view key) const;
    /// Sets a metadata value, committed with the next batch.
    void set_metadata(std::string_view key, const std::string& value);
    /// True when the file was indexed before with this size and modification time.
    bool file_unchanged(const std::string& path, std::uint64_t size, std::int64_t mtime_ns) const;
    /// Every file state recorded, by file_state_key, to consult without touching the database
    /// while another thread writes it.
    std::map<std::string, std::string> file_states() const;
    /// Records a file as indexed with this size and modification time.
    void remember_file(const std::string& path, std::uint64_t size, std::int64_t mtime_ns);
    /// Commits the batch (and the languages seen and the spelling data) to disk. Throws
    /// DatabaseError (write_failure) when it cannot, the last commit intact.
    void commit();
    /// Where the database is.
    const std::string& path() const { return path_; }
    /// Number of documents in the database.
    std::uint64_t document_count() const;

  private:
    void begin_batch();

    std::string path_;
    Xapian::WritableDatabase db_;
    bool in_batch_ = false;  ///< a transaction is open on db_
    std::set<std::string> languages_;
    bool languages_changed_ = false;
    bool spelling_;
    std::function<void()> waiting_;
    SpellingCounts spellings_;  ///< until commit
};

/// The error to report when writing the database at path failed (a full disk, a file size
/// limit): where, the cause, and that the database keeps its last committed state.
DatabaseError write_failure(const std::string& path, const Xapian::Error& e);

/// The metadata key under which a file's state is kept.
std::string file_state_key(const std::string& path);

/// The state kept for a file: its size and modification time.
std::string file_state(std::uint64_t size, std::int64_t mtime_ns);

}  // namespace morgue
