#include "ir_collection.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ir {

namespace fs = std::filesystem;

const std::vector<CollectionSpec> kCollections = {
    {"cisi", "CISI.ALL", "CISI.QRY", "CISI.REL", 0, 1, -1},      // qid docid 0 0.000000
    {"cran", "cran.all.1400", "cran.qry", "cranqrel", 0, 1, 2},  // qid docid grade
    {"med", "MED.ALL", "MED.QRY", "MED.REL", 0, 2, -1},          // qid 0 docid 1
    {"cacm", "cacm.all", "query.text", "qrels.text", 0, 1, -1},  // qid docid 0 0
};

namespace {

/// ".W" and the like: a field marker on a line of its own.
bool is_marker(const std::string& line) {
    std::size_t end = line.find_last_not_of(" \t\r");
    return line.size() >= 2 && line[0] == '.' && line[1] >= 'A' && line[1] <= 'Z' &&
           (end == 1 || line[2] == ' ' || line[2] == '\t');
}

/// "0042" -> "42": records and relevance files spell the same number differently.
std::string canonical_number(const std::string& text) {
    return std::to_string(std::stol(text));
}

void append_line(std::string& field, const std::string& line) {
    std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) {
        return;
    }
    std::size_t last = line.find_last_not_of(" \t\r");
    field += (field.empty() ? "" : " ") + line.substr(first, last - first + 1);
}

std::ifstream open(const fs::path& path) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error("cannot read " + path.string());
    }
    return in;
}

}  // namespace

std::string full_text(const Item& item) {
    return item.title.empty() ? item.text : item.title + " " + item.text;
}

std::vector<Item> read_records(const fs::path& path) {
    std::ifstream in = open(path);
    std::vector<Item> items;
    char field = 0;
    for (std::string line; std::getline(in, line);) {
        if (!is_marker(line)) {
            if (!items.empty() && (field == 'T' || field == 'W')) {
                append_line(field == 'T' ? items.back().title : items.back().text, line);
            }
            continue;
        }
        field = line[1];
        if (field == 'I') {
            items.push_back(Item{canonical_number(line.substr(2)), {}, {}});
        }
    }
    return items;
}

Judgements read_judgements(const fs::path& path, const CollectionSpec& spec) {
    std::ifstream in = open(path);
    Judgements relevant;
    for (std::string line; std::getline(in, line);) {
        std::istringstream fields(line);
        std::vector<std::string> columns;
        for (std::string column; fields >> column;) {
            columns.push_back(column);
        }
        int needed = std::max({spec.query_column, spec.doc_column, spec.grade_column}) + 1;
        if (static_cast<int>(columns.size()) < needed) {
            continue;
        }
        if (spec.grade_column >= 0 && std::stoi(columns[spec.grade_column]) == -1) {
            continue;  // Cranfield's "of no interest"
        }
        int query = std::stoi(columns[spec.query_column]);
        relevant[query].insert(canonical_number(columns[spec.doc_column]));
    }
    return relevant;
}

Collection read_collection(const fs::path& folder, const CollectionSpec& spec) {
    const fs::path dir = folder / spec.name;
    Collection collection{std::string(spec.name), read_records(dir / spec.docs),
                          read_records(dir / spec.queries),
                          read_judgements(dir / spec.qrels, spec)};
    if (collection.docs.empty() || collection.queries.empty() || collection.relevant.empty()) {
        throw std::runtime_error(dir.string() + ": no documents, queries or judgements found");
    }
    return collection;
}

}  // namespace ir
