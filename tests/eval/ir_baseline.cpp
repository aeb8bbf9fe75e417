// The baseline of ir_eval: libxapian with its defaults and nothing of morgue.
#include "ir_baseline.h"

#include <xapian.h>

namespace ir {

namespace {

void index_documents(const Collection& collection, const std::string& db_path) {
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    for (const Item& doc : collection.docs) {
        Xapian::Document document;
        generator.set_document(document);
        generator.index_text(doc.title);
        generator.increase_termpos();
        generator.index_text(doc.text);
        document.set_data(doc.id);
        db.add_document(document);
    }
    db.commit();
}

Ranking run_query(Xapian::Enquire& enquire, Xapian::QueryParser& parser, const Item& query,
                  std::size_t depth) {
    try {
        enquire.set_query(parser.parse_query(full_text(query)));
    } catch (const Xapian::QueryParserError&) {
        return {};  // what a search box would show: nothing
    }
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(depth));
    Ranking ranking;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        ranking.push_back(it.get_document().get_data());
    }
    return ranking;
}

}  // namespace

std::vector<Ranking> baseline_rankings(const Collection& collection, const std::string& db_path,
                                       std::size_t depth) {
    index_documents(collection, db_path);
    Xapian::Database db(db_path);
    Xapian::Enquire enquire(db);
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    std::vector<Ranking> rankings;
    for (const Item& query : collection.queries) {
        rankings.push_back(run_query(enquire, parser, query, depth));
    }
    return rankings;
}

}  // namespace ir
