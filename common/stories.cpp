// Searcher's story-level features: --collapse, --duplicates and --like, all built on CopyFinder.
#include <set>

#include "copies.h"
#include "errors.h"
#include "schema.h"
#include "search.h"

namespace morgue {

namespace {

/// Terms of --like's expansion: free-text words only, not field terms or stems.
class WordsOnly : public Xapian::ExpandDecider {
  public:
    bool operator()(const std::string& term) const override {
        unsigned char first = term.empty() ? 'A' : static_cast<unsigned char>(term[0]);
        return !(first >= 'A' && first <= 'Z');
    }
};

constexpr Xapian::termcount kLikeTerms = 40;
constexpr Xapian::doccount kBatch = 100;

std::string value_of(const Xapian::Document& doc, schema::Slot slot) {
    return doc.get_value(schema::slot_number(slot));
}

/// The unique-id terms of documents, to include or exclude them in a query.
Xapian::Query id_terms(const Xapian::Database& db, const std::vector<Xapian::docid>& docs) {
    std::vector<Xapian::Query> terms;
    for (Xapian::docid doc : docs) {
        std::string id = value_of(db.get_document(doc), schema::Slot::id);
        terms.emplace_back(schema::boolean_term(schema::kIdPrefix, id));
    }
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Hit::Copies describe_copies(const Xapian::Database& db, const std::vector<Xapian::docid>& docs) {
    Hit::Copies copies;
    std::set<std::string> sources;
    for (Xapian::docid doc : docs) {
        Xapian::Document document = db.get_document(doc);
        copies.ids.push_back(value_of(document, schema::Slot::id));
        std::string source = value_of(document, schema::Slot::source);
        if (!source.empty() && sources.insert(source).second) {
            copies.sources.push_back(source);
        }
    }
    return copies;
}

}  // namespace

Xapian::docid Searcher::find_article(const std::string& id) const {
    Xapian::PostingIterator it = db_.postlist_begin(schema::id_term(id));
    if (it == db_.postlist_end(schema::id_term(id))) {
        throw QueryError("no article with id '" + id + "' (ids are printed by --format ids)");
    }
    return *it;
}

Xapian::Query Searcher::copies_query(const std::string& id) const {
    std::vector<Xapian::docid> copies = CopyFinder(db_).copies_of(find_article(id),
                                                                  Xapian::Query::MatchAll);
    return copies.empty() ? Xapian::Query() : id_terms(db_, copies);
}

Xapian::Query Searcher::like_query(const std::string& id) const {
    Xapian::docid doc = find_article(id);
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query::MatchAll);
    Xapian::RSet relevant;
    relevant.add_document(doc);
    WordsOnly words;
    Xapian::ESet eset =
        enquire.get_eset(kLikeTerms, relevant, Xapian::Enquire::USE_EXACT_TERMFREQ, &words);
    std::vector<Xapian::Query> terms;
    for (auto it = eset.begin(); it != eset.end(); ++it) {
        terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), it.get_weight());
    }
    // The article itself and its copies are not "more like" it.
    std::vector<Xapian::docid> self = CopyFinder(db_).copies_of(doc, Xapian::Query::MatchAll);
    self.push_back(doc);
    return Xapian::Query(Xapian::Query::OP_AND_NOT,
                         Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                         id_terms(db_, self));
}

void Searcher::add_stories(MatchReader& reader, std::vector<Match> matches,
                           const Xapian::Query& query, const SearchRequest& request,
                           SearchResults& results) {
    CopyFinder finder(db_);
    std::set<Xapian::docid> seen;
    std::size_t stories = 0;
    const std::size_t wanted = request.offset + request.limit;
    while (!matches.empty() && stories < wanted) {
        for (auto match = matches.begin(); match != matches.end() && stories < wanted; ++match) {
            Xapian::docid doc = *match->at();
            if (!seen.insert(doc).second) {
                continue;
            }
            std::vector<Xapian::docid> copies = finder.copies_of(doc, query);
            seen.insert(copies.begin(), copies.end());
            if (stories++ < request.offset) {
                continue;
            }
            Hit hit = make_hit(*match, stories, request.snippet_length);
            hit.score = request.sort == SortOrder::relevance ? hit.score : 0;
            hit.copies = describe_copies(db_, copies);
            results.hits.push_back(std::move(hit));
        }
        matches = reader.next(kBatch);
    }
}

}  // namespace morgue
