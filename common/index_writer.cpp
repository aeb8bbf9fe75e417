#include "index_writer.h"

#include <algorithm>
#include <functional>

#include <sstream>

#include "dates.h"
#include "errors.h"
#include "ids.h"
#include "schema.h"
#include "stored_fields.h"
#include "text/fingerprint.h"
#include "text/unicode.h"

namespace morgue {

namespace {

std::string year_of(std::int64_t seconds) {
    return dates::format_iso(seconds).substr(0, 4);
}

/// Opens the database for writing, turning Xapian's exceptions into messages a user can act on.
/// When another writer holds the lock: fails, or with `waiting` set, calls it and waits.
Xapian::WritableDatabase open_writable(const std::string& path,
                                       const std::function<void()>& waiting) {
    int flags = Xapian::DB_CREATE_OR_OPEN;
    try {
        try {
            return Xapian::WritableDatabase(path, flags);
        } catch (const Xapian::DatabaseLockError&) {
            if (!waiting) {
                throw;
            }
            waiting();
            return Xapian::WritableDatabase(path, flags | Xapian::DB_RETRY_LOCK);
        }
    } catch (const Xapian::DatabaseLockError&) {
        throw DatabaseError("database '" + path +
                            "' is locked by another writer (is another morgue-index running?); "
                            "try again when it has finished, or use --wait");
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cannot open database '" + path + "' for writing: " +
                            e.get_description());
    }
}

void check_schema(Xapian::WritableDatabase& db, const std::string& path) {
    std::string version = db.get_metadata(std::string(schema::kSchemaVersionKey));
    if (version.empty()) {
        if (db.get_doccount() > 0) {
            throw DatabaseError("'" + path + "' is a Xapian database that morgue did not write; "
                                "choose another path with -d");
        }
        db.set_metadata(std::string(schema::kSchemaVersionKey),
                        std::to_string(schema::kSchemaVersion));
        return;
    }
    schema::check_schema_version(path, version, "morgue-index");
}

std::set<std::string> split_words(const std::string& s) {
    std::set<std::string> words;
    std::istringstream in(s);
    for (std::string word; in >> word;) {
        words.insert(word);
    }
    return words;
}

}  // namespace

DocumentBuilder::DocumentBuilder() {
    generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    generator_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
}

Xapian::Document DocumentBuilder::build(const Article& article) {
    Xapian::Document doc;
    generator_.set_document(doc);
    generator_.set_stemmer(stemmers_.get(article.lang));
    index_free_text(article);
    add_boolean_terms(doc, article);
    add_values(doc, article);
    doc.set_data(encode_stored_fields(article));
    // Xapian's handles count references without atomics: the generator must not keep one to
    // a document that another thread writes and frees.
    generator_.set_document(Xapian::Document());
    return doc;
}

namespace {

/// Up to kFacetSlots values of a multi-valued field, one per slot from first on (schema.h).
void add_facet_values(Xapian::Document& doc, schema::Slot first,
                      const std::vector<std::string>& values) {
    for (std::size_t i = 0; i < values.size() && i < schema::kFacetSlots; ++i) {
        doc.add_value(schema::slot_number(first) + static_cast<unsigned>(i), values[i]);
    }
}

std::vector<std::string> normalised(std::string_view field, const std::vector<std::string>& in) {
    std::vector<std::string> out;
    for (const std::string& value : in) {
        std::string n = schema::normalise_value(field, value);
        if (!n.empty() && std::find(out.begin(), out.end(), n) == out.end()) {
            out.push_back(std::move(n));
        }
    }
    return out;
}

/// The canonical names of one type, the most mentioned first (the ones facets keep).
std::vector<std::string> entity_names(const std::vector<Entity>& entities, EntityType type) {
    std::vector<const Entity*> of_type;
    for (const Entity& entity : entities) {
        if (entity.type == type) {
            of_type.push_back(&entity);
        }
    }
    std::stable_sort(of_type.begin(), of_type.end(), [](const Entity* a, const Entity* b) {
        return a->mentions.size() > b->mentions.size();
    });
    std::vector<std::string> names;
    for (const Entity* entity : of_type) {
        names.push_back(entity->name);
    }
    return names;
}

}  // namespace

void DocumentBuilder::add_facet_values(Xapian::Document& doc, const Article& article) {
    morgue::add_facet_values(doc, schema::Slot::topic_first, normalised("topic", article.topics));
    morgue::add_facet_values(doc, schema::Slot::tag_first, normalised("tag", article.tags));
    const std::pair<EntityType, schema::Slot> kinds[] = {
        {EntityType::person, schema::Slot::person_first},
        {EntityType::organisation, schema::Slot::org_first},
        {EntityType::location, schema::Slot::place_first}};
    for (const auto& [type, first] : kinds) {
        morgue::add_facet_values(doc, first, entity_names(article.entities, type));
    }
}

void DocumentBuilder::add_values(Xapian::Document& doc, const Article& article) {
    if (article.date) {
        doc.add_value(schema::slot_number(schema::Slot::date),
                      Xapian::sortable_serialise(static_cast<double>(*article.date)));
        doc.add_value(schema::slot_number(schema::Slot::day),
                      dates::format_iso(*article.date).substr(0, 10));
    }
    // Facet values are the terms' normalised values, so that each can be searched as it reads.
    if (!article.source.empty()) {
        doc.add_value(schema::slot_number(schema::Slot::source),
                      schema::normalise_value("source", article.source));
    }
    if (!article.lang.empty()) {
        doc.add_value(schema::slot_number(schema::Slot::lang),
                      schema::normalise_value("lang", article.lang));
    }
    doc.add_value(schema::slot_number(schema::Slot::id), schema::normalise_value("id", article.id));
    if (!article.content_hash.empty()) {
        doc.add_value(schema::slot_number(schema::Slot::content_hash), article.content_hash);
    }
    if (article.fingerprint) {
        doc.add_value(schema::slot_number(schema::Slot::fingerprint),
                      text::serialise(*article.fingerprint));
    }
    add_facet_values(doc, article);
}

void DocumentBuilder::index_free_text(const Article& article) {
    std::string title = text::fold_accents(article.title);
    generator_.index_text(title, schema::kTitleWeight);
    generator_.increase_termpos();
    generator_.index_text(text::fold_accents(article.body));
    generator_.index_text(title, 1, std::string(schema::kTitlePrefix));
    for (const std::string& author : article.authors) {
        generator_.increase_termpos();
        generator_.index_text(text::fold_accents(author), 1, std::string(schema::kAuthorPrefix));
    }
}

void DocumentBuilder::add_boolean_terms(Xapian::Document& doc, const Article& article) {
    auto add = [&doc](std::string_view prefix, std::string_view field, std::string_view value) {
        if (!value.empty()) {
            doc.add_boolean_term(schema::boolean_term(prefix, schema::normalise_value(field, value)));
        }
    };
    doc.add_boolean_term(schema::id_term(article.id));
    add(schema::kSourcePrefix, "source", article.source);
    add(schema::kLangPrefix, "lang", article.lang);
    if (article.lang.empty()) {
        doc.add_boolean_term(
            schema::boolean_term(schema::kLangPrefix, schema::kUndeterminedLanguage));
    }
    add(schema::kSitePrefix, "site", url_host(article.url));
    add(schema::kUrlPrefix, "url", article.url);
    if (article.date) {
        doc.add_boolean_term(std::string(schema::kYearPrefix) + year_of(*article.date));
    }
    add_copy_keys(doc, article);
    for (const std::string& topic : article.topics) {
        add(schema::kTopicPrefix, "topic", topic);
    }
    for (const std::string& tag : article.tags) {
        add(schema::kTagPrefix, "tag", tag);
    }
    for (const Entity& entity : article.entities) {
        doc.add_boolean_term(schema::entity_term(entity.type, entity.name));
    }
}

void DocumentBuilder::add_copy_keys(Xapian::Document& doc, const Article& article) {
    if (!article.content_hash.empty()) {
        doc.add_boolean_term(std::string(schema::kHashPrefix) + article.content_hash);
    }
    if (article.fingerprint) {
        for (const std::string& key : text::band_keys(*article.fingerprint)) {
            doc.add_boolean_term(std::string(schema::kBandPrefix) + key);
        }
    }
}

IndexWriter::IndexWriter(const std::string& path, bool spelling,
                         const std::function<void()>& waiting)
    : path_(path), db_(open_writable(path, waiting)), spelling_(spelling), waiting_(waiting) {
    try {
        check_schema(db_, path_);
        languages_ = split_words(db_.get_metadata(std::string(schema::kLanguagesKey)));
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cannot read database '" + path_ + "': " + e.get_description());
    }
}

DatabaseError write_failure(const std::string& path, const Xapian::Error& e) {
    std::string cause = e.get_error_string() ? std::string(e.get_error_string()) + " (" +
                                                   e.get_msg() + ")"
                                             : e.get_description();
    return DatabaseError("cannot write database '" + path + "': write failed: " + cause +
                         "; the database is intact as last committed. Make room (free disk "
                         "space, or raise the file size limit) and run the same command again "
                         "to resume: files already indexed are skipped");
}

void IndexWriter::begin_batch() {
    if (!in_batch_) {
        db_.begin_transaction();  // also commits the schema version of a new database
        in_batch_ = true;
    }
}

WriteOutcome IndexWriter::write(const Xapian::Document& doc, const std::string& id_term,
                                const std::string& lang) {
    // replace_document(term, ...) opens the term's posting list, which makes Xapian flush every
    // pending positional change first: done per document, that is most of the indexing time.
    // term_exists() reads the pending counts without a flush, so a new id is a plain add.
    bool existed = false;
    try {
        begin_batch();
        existed = db_.term_exists(id_term);
        if (existed) {
            db_.replace_document(id_term, doc);
        } else {
            db_.add_document(doc);
        }
    } catch (const Xapian::DatabaseError& e) {
        throw write_failure(path_, e);
    }
    if (spelling_) {
        spellings_.count(doc);
    }
    note_language(lang);
    return existed ? WriteOutcome::replaced : WriteOutcome::added;
}

void IndexWriter::note_language(const std::string& lang) {
    if (!lang.empty() && languages_.insert(lang).second) {
        languages_changed_ = true;
    }
}

bool IndexWriter::contains(const std::string& id_term) const {
    return db_.term_exists(id_term);
}

bool IndexWriter::fresh() const {
    return db_.get_lastdocid() == 0;
}

void IndexWriter::close() {
    db_.close();
    in_batch_ = false;
}

void IndexWriter::reopen() {
    db_ = open_writable(path_, waiting_);
    in_batch_ = false;
}

bool IndexWriter::remove(std::string_view id) {
    return remove_term(schema::id_term(id));
}

bool IndexWriter::remove_term(const std::string& term) {
    try {
        if (!db_.term_exists(term)) {
            return false;
        }
        begin_batch();
        db_.delete_document(term);
    } catch (const Xapian::DatabaseError& e) {
        throw write_failure(path_, e);
    }
    return true;
}

std::string IndexWriter::metadata(std::string_view key) const {
    return db_.get_metadata(std::string(key));
}

void IndexWriter::set_metadata(std::string_view key, const std::string& value) {
    try {
        begin_batch();
        db_.set_metadata(std::string(key), value);
    } catch (const Xapian::DatabaseError& e) {
        throw write_failure(path_, e);
    }
}

std::string file_state_key(const std::string& path) {
    return std::string(schema::kFileStatePrefix) + hex_digest(path);
}

bool IndexWriter::file_unchanged(const std::string& path, std::uint64_t size,
                                 std::int64_t mtime_ns) const {
    return db_.get_metadata(file_state_key(path)) == file_state(size, mtime_ns);
}

std::map<std::string, std::string> IndexWriter::file_states() const {
    std::map<std::string, std::string> states;
    std::string prefix(schema::kFileStatePrefix);
    for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it) {
        states.emplace(*it, db_.get_metadata(*it));
    }
    return states;
}

std::string file_state(std::uint64_t size, std::int64_t mtime_ns) {
    return std::to_string(size) + " " + std::to_string(mtime_ns);
}

void IndexWriter::remember_file(const std::string& path, std::uint64_t size,
                                std::int64_t mtime_ns) {
    try {
        begin_batch();
        db_.set_metadata(file_state_key(path), file_state(size, mtime_ns));
    } catch (const Xapian::DatabaseError& e) {
        throw write_failure(path_, e);
    }
}

void IndexWriter::commit() {
    try {
        begin_batch();
        if (languages_changed_) {
            std::string joined;
            for (const std::string& lang : languages_) {
                joined += (joined.empty() ? "" : " ") + lang;
            }
            db_.set_metadata(std::string(schema::kLanguagesKey), joined);
            languages_changed_ = false;
        }
        spellings_.add_to(db_);
        db_.commit_transaction();
        in_batch_ = false;
    } catch (const Xapian::DatabaseError& e) {
        throw write_failure(path_, e);
    }
}

std::uint64_t IndexWriter::document_count() const {
    return db_.get_doccount();
}

}  // namespace morgue
