#define BOOST_TEST_MODULE index_writer
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <string>
#include <vector>

#include "common/errors.h"
#include "common/index_writer.h"
#include "common/schema.h"
#include "common/stored_fields.h"

namespace {

morgue::Article sample() {
    morgue::Article a;
    a.id = "https://capital-wire.example/a";
    a.title = "São Paulo growers";
    a.body = "Coffee farmers covered plants.";
    a.source = "capital-wire.example";
    a.url = "https://www.capital-wire.example/a?utm_source=x";
    a.authors = {"Ana Ruiz"};
    a.date = 1645574400;  // 2022-02-23T00:00:00Z
    a.lang = "en";
    a.origin = {"feed.jsonl", 4};
    return a;
}

std::vector<std::string> terms_of(const Xapian::Document& doc) {
    return {doc.termlist_begin(), doc.termlist_end()};
}

Xapian::termcount wdf_of(const Xapian::Document& doc, const std::string& term) {
    Xapian::TermIterator it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term ? it.get_wdf() : 0;
}

struct TempDir {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("morgue-writer-" + std::to_string(::getpid()));
    TempDir() { std::filesystem::remove_all(path); }
    ~TempDir() { std::filesystem::remove_all(path); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(index_writer)

BOOST_AUTO_TEST_CASE(document_terms_are_exact) {
    morgue::DocumentBuilder builder;
    Xapian::Document doc = builder.build(sample());
    // Free text is accent-folded; every word gets a stemmed "Z" term beside its unstemmed one
    // (the query side leaves capitalised words unstemmed, so they match exactly).
    std::vector<std::string> expected = {
        "Aana", "Aruiz", "Hcapital-wire.example", "Len", "Qhttps://capital-wire.example/a",
        "Sgrowers", "Spaulo", "Ssao", "Uhttps://capital-wire.example/a",
        "XSOURCE:capital-wire.example", "Y2022", "ZAana", "ZAruiz", "ZSgrower", "ZSpaulo", "ZSsao",
        "Zcoffe", "Zcover", "Zfarmer", "Zgrower", "Zpaulo", "Zplant", "Zsao", "coffee", "covered",
        "farmers", "growers", "paulo", "plants", "sao"};
    BOOST_TEST(terms_of(doc) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(title_is_weighted_up) {
    morgue::DocumentBuilder builder;
    Xapian::Document doc = builder.build(sample());
    BOOST_TEST(wdf_of(doc, "growers") == morgue::schema::kTitleWeight);
    BOOST_TEST(wdf_of(doc, "farmers") == 1u);
    BOOST_TEST(wdf_of(doc, "Ssao") == 1u);
}

BOOST_AUTO_TEST_CASE(values_hold_date_and_source) {
    morgue::DocumentBuilder builder;
    Xapian::Document doc = builder.build(sample());
    auto slot = [](morgue::schema::Slot s) { return static_cast<Xapian::valueno>(s); };
    BOOST_TEST(Xapian::sortable_unserialise(doc.get_value(slot(morgue::schema::Slot::date))) ==
               1645574400.0);
    BOOST_TEST(doc.get_value(slot(morgue::schema::Slot::source)) == "capital-wire.example");
}

BOOST_AUTO_TEST_CASE(undated_article_has_no_date_value_or_year) {
    morgue::Article a = sample();
    a.date.reset();
    morgue::DocumentBuilder builder;
    Xapian::Document doc = builder.build(a);
    BOOST_TEST(doc.get_value(static_cast<Xapian::valueno>(morgue::schema::Slot::date)).empty());
    std::vector<std::string> terms = terms_of(doc);
    BOOST_TEST(std::count(terms.begin(), terms.end(), "Y2022") == 0);
}

BOOST_AUTO_TEST_CASE(data_round_trips) {
    morgue::Article a = sample();
    morgue::Article back = morgue::decode_stored_fields(morgue::encode_stored_fields(a));
    BOOST_TEST(back.id == a.id);
    BOOST_TEST(back.title == a.title);
    BOOST_TEST(back.body == a.body);
    BOOST_TEST(back.source == a.source);
    BOOST_TEST(back.url == a.url);
    BOOST_TEST(back.lang == a.lang);
    BOOST_TEST(back.authors == a.authors, boost::test_tools::per_element());
    BOOST_TEST(*back.date == *a.date);
    BOOST_TEST(back.origin.path == "feed.jsonl:4");
}

BOOST_AUTO_TEST_CASE(long_ids_are_digested) {
    std::string id(400, 'x');
    std::string term = morgue::schema::id_term(id);
    BOOST_TEST(term.size() == morgue::schema::kMaxTermLength);
    BOOST_TEST(term.substr(0, 10) == "Qxxxxxxxxx");
    BOOST_TEST(morgue::schema::id_term(id + "y") != term);
}

BOOST_AUTO_TEST_CASE(writer_adds_replaces_removes_and_remembers_files) {
    TempDir dir;
    morgue::DocumentBuilder builder;
    morgue::Article a = sample();
    std::string term = morgue::schema::id_term(a.id);
    {
        morgue::IndexWriter writer(dir.path.string());
        BOOST_TEST((writer.write(builder.build(a), term, a.lang) == morgue::WriteOutcome::added));
        BOOST_TEST((writer.write(builder.build(a), term, a.lang) == morgue::WriteOutcome::replaced));
        BOOST_TEST(writer.document_count() == 1u);
        writer.remember_file("/data/feed.jsonl", 120, 7);
        BOOST_TEST(writer.file_unchanged("/data/feed.jsonl", 120, 7));
        BOOST_TEST(!writer.file_unchanged("/data/feed.jsonl", 121, 7));
        BOOST_TEST(!writer.file_unchanged("/data/other.jsonl", 120, 7));
        writer.commit();
    }
    Xapian::Database db(dir.path.string());
    BOOST_TEST(db.get_metadata(std::string(morgue::schema::kSchemaVersionKey)) == "1");
    BOOST_TEST(db.get_metadata(std::string(morgue::schema::kLanguagesKey)) == "en");
    {
        morgue::IndexWriter writer(dir.path.string());
        BOOST_TEST(writer.file_unchanged("/data/feed.jsonl", 120, 7));
        BOOST_TEST(writer.remove(a.id));
        BOOST_TEST(!writer.remove(a.id));
        writer.commit();
        BOOST_TEST(writer.document_count() == 0u);
    }
}

BOOST_AUTO_TEST_CASE(a_batch_not_committed_is_dropped) {
    // A run that fails mid-batch (a full disk) unwinds through the writer's destructor, which
    // must not commit part of the batch: the database stays as last committed.
    TempDir dir;
    morgue::DocumentBuilder builder;
    morgue::Article a = sample();
    morgue::Article b = sample();
    b.id = "https://capital-wire.example/b";
    {
        morgue::IndexWriter writer(dir.path.string());
        writer.write(builder.build(a), morgue::schema::id_term(a.id), a.lang);
        writer.commit();
        writer.write(builder.build(b), morgue::schema::id_term(b.id), b.lang);
        writer.remember_file("/data/feed.jsonl", 120, 7);
        BOOST_TEST(writer.document_count() == 2u);
    }
    morgue::IndexWriter writer(dir.path.string());
    BOOST_TEST(writer.document_count() == 1u);
    BOOST_TEST(writer.contains(morgue::schema::id_term(a.id)));
    BOOST_TEST(!writer.file_unchanged("/data/feed.jsonl", 120, 7));
}

BOOST_AUTO_TEST_CASE(write_failure_names_database_and_cause) {
    Xapian::DatabaseError full("Error writing block 204", ENOSPC);
    std::string message = morgue::write_failure("/data/db", full).what();
    BOOST_TEST(message.rfind("cannot write database '/data/db': write failed: No space left on "
                             "device (Error writing block 204); the database is intact as last "
                             "committed.",
                             0) == 0u);
    BOOST_TEST(message.find("run the same command again to resume") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(newer_schema_is_refused) {
    TempDir dir;
    {
        Xapian::WritableDatabase db(dir.path.string(), Xapian::DB_CREATE);
        db.set_metadata(std::string(morgue::schema::kSchemaVersionKey), "7");
        db.commit();
    }
    BOOST_CHECK_EXCEPTION(morgue::IndexWriter(dir.path.string()), morgue::DatabaseError,
                          [](const morgue::DatabaseError& e) {
                              return std::string(e.what()).find("schema version 7, newer than "
                                                                "this morgue's 1") !=
                                     std::string::npos;
                          });
}

BOOST_AUTO_TEST_CASE(foreign_database_is_refused) {
    TempDir dir;
    {
        Xapian::WritableDatabase db(dir.path.string(), Xapian::DB_CREATE);
        db.add_document(Xapian::Document());
        db.commit();
    }
    BOOST_CHECK_THROW(morgue::IndexWriter(dir.path.string()), morgue::DatabaseError);
}

BOOST_AUTO_TEST_SUITE_END()
