#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ir {

/// Where one test collection's files are and how its relevance file is laid out.
struct CollectionSpec {
    std::string_view name;     ///< also the folder's name
    std::string_view docs;     ///< the documents, as .I records
    std::string_view queries;  ///< the queries, as .I records
    std::string_view qrels;    ///< relevance pairs, one a line
    int query_column;          ///< the column holding the query number (0-based)
    int doc_column;            ///< the column holding the document number
    int grade_column;          ///< a column whose -1 marks a pair as not relevant; -1 for none
};

/// The collections evaluated, in the order reported.
extern const std::vector<CollectionSpec> kCollections;

/// A document or a query: its number and the text of its .T and .W fields.
struct Item {
    std::string id;
    std::string title;
    std::string text;
};

/// The text a document or query is read by: its title, then its text.
std::string full_text(const Item& item);

/// Relevant document numbers, by query number (1-based position in the query file).
using Judgements = std::map<int, std::set<std::string>>;

/// One collection, read.
struct Collection {
    std::string name;
    std::vector<Item> docs;
    std::vector<Item> queries;  ///< query i (1-based) is queries[i - 1]
    Judgements relevant;
};

/// The .I records of a file: the record's number, and the text of .T and .W with lines joined
/// by spaces. Other fields (.A, .B, .X, ...) are skipped.
std::vector<Item> read_records(const std::filesystem::path& path);

/// The relevant pairs of a relevance file laid out as spec says.
Judgements read_judgements(const std::filesystem::path& path, const CollectionSpec& spec);

/// Reads a collection from folder / spec.name. Throws std::runtime_error when a file is
/// missing or holds no records.
Collection read_collection(const std::filesystem::path& folder, const CollectionSpec& spec);

}  // namespace ir
