#include "copies.h"

#include <algorithm>
#include <utility>

#include "schema.h"
#include "text/fingerprint.h"

namespace morgue {

namespace {

/// The lookup terms of a document's copies: its content hash and its MinHash bands.
std::vector<Xapian::Query> copy_keys(const Xapian::Document& doc) {
    std::vector<Xapian::Query> keys;
    std::string hash = doc.get_value(schema::slot_number(schema::Slot::content_hash));
    if (!hash.empty()) {
        keys.emplace_back(std::string(schema::kHashPrefix) + hash);
    }
    auto fp = text::deserialise(doc.get_value(schema::slot_number(schema::Slot::fingerprint)));
    if (fp) {
        for (const std::string& key : text::band_keys(*fp)) {
            keys.emplace_back(std::string(schema::kBandPrefix) + key);
        }
    }
    return keys;
}

bool same_story(const Xapian::Document& a, const Xapian::Document& b) {
    auto hash = schema::slot_number(schema::Slot::content_hash);
    std::string hash_a = a.get_value(hash);
    if (!hash_a.empty() && hash_a == b.get_value(hash)) {
        return true;
    }
    auto slot = schema::slot_number(schema::Slot::fingerprint);
    auto fp_a = text::deserialise(a.get_value(slot));
    auto fp_b = text::deserialise(b.get_value(slot));
    return fp_a && fp_b && text::similarity(*fp_a, *fp_b) >= text::kSameStory;
}

}  // namespace

std::vector<Xapian::docid> CopyFinder::copies_of(Xapian::docid doc,
                                                 const Xapian::Query& within) const {
    Xapian::Document original = db_.get_document(doc);
    std::vector<Xapian::Query> keys = copy_keys(original);
    std::vector<Xapian::docid> copies;
    if (keys.empty()) {
        return copies;
    }
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                    Xapian::Query(Xapian::Query::OP_OR, keys.begin(), keys.end()),
                                    within));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::MSet candidates = enquire.get_mset(0, db_.get_doccount());
    std::vector<std::pair<std::string, Xapian::docid>> found;
    for (auto it = candidates.begin(); it != candidates.end(); ++it) {
        Xapian::Document candidate = it.get_document();
        if (*it != doc && same_story(original, candidate)) {
            found.emplace_back(candidate.get_value(schema::slot_number(schema::Slot::id)), *it);
        }
    }
    // Document numbers depend on how an archive is sharded; ids do not.
    std::sort(found.begin(), found.end());
    for (const auto& [id, copy] : found) {
        copies.push_back(copy);
    }
    return copies;
}

}  // namespace morgue
