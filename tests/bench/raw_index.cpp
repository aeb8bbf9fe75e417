// The baseline of the indexing benchmark: a plain, single-threaded libxapian indexer with the
// schema of tests/bench/index.script, reading the same scriptindex dump (bench_corpus writes
// it). Title and body go through a TermGenerator with the English stemmer and STEM_SOME,
// positional; the title also with prefix S. Source is a boolean XSOURCE: term; the date (Unix
// seconds, UTC) gives Omega's D, M and Y boolean terms and sortable_serialise() in slot 0;
// the id is the unique Q term, a long id shortened as scriptindex's hash action does. Document
// data holds the fields as scriptindex stores them. Commits are left to Xapian's default
// threshold, as scriptindex leaves them.
#include <xapian.h>

#include <cstdint>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

/// Reads the next record of a dump: name=value lines, a line starting with '=' continuing the
/// previous value after a newline, records separated by blank lines. False at the end.
bool read_record(std::istream& in, Fields& fields) {
    fields.clear();
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) {
            if (fields.empty()) {
                continue;
            }
            return true;
        }
        if (line[0] == '=' && !fields.empty()) {
            fields.back().second += '\n';
            fields.back().second.append(line, 1);
            continue;
        }
        std::size_t eq = line.find('=');
        if (eq == std::string::npos) {
            continue;  // scriptindex ignores such lines too, with a warning
        }
        fields.emplace_back(line.substr(0, eq), line.substr(eq + 1));
    }
    return !fields.empty();
}

constexpr std::size_t kMaxIdLength = 239;  // scriptindex's hash default: "Q" + 239 fits
constexpr std::size_t kHashLength = 6;

/// An id short enough for a term, by the scheme of scriptindex's hash action: a long id keeps
/// its first bytes and ends in a 6-character digest of the rest.
std::string short_id(const std::string& id) {
    if (id.size() <= kMaxIdLength) {
        return id;
    }
    std::size_t keep = kMaxIdLength - kHashLength;
    std::uint32_t h = 2166136261U;  // FNV-1a
    for (std::size_t i = keep; i < id.size(); ++i) {
        h = (h ^ static_cast<unsigned char>(id[i])) * 16777619U;
    }
    std::string digest;
    for (std::size_t i = 0; i < kHashLength; ++i, h >>= 6) {
        digest += static_cast<char>('!' + (h & 63));
    }
    return id.substr(0, keep) + digest;
}

/// Omega's date terms: D20220221, M202202, Y2022.
void add_date_terms(Xapian::Document& doc, std::int64_t seconds) {
    std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char day[16];
    std::strftime(day, sizeof day, "%Y%m%d", &tm);
    std::string ymd(day);
    doc.add_boolean_term("D" + ymd);
    doc.add_boolean_term("M" + ymd.substr(0, 6));
    doc.add_boolean_term("Y" + ymd.substr(0, 4));
}

/// Indexes one record; returns its unique term ("" when it has no id).
std::string index_fields(const Fields& fields, Xapian::TermGenerator& indexer,
                         Xapian::Document& doc) {
    std::string data;
    std::string unique;
    for (const auto& [name, value] : fields) {
        data += name + '=' + value + '\n';
        if (name == "id") {
            unique = "Q" + short_id(value);
            doc.add_boolean_term(unique);
        } else if (name == "title") {
            indexer.index_text(value, 1, "S");
            indexer.index_text(value);
        } else if (name == "body") {
            indexer.index_text(value);
        } else if (name == "source") {
            doc.add_boolean_term("XSOURCE:" + value);
        } else if (name == "date") {
            std::int64_t seconds = std::stoll(value);
            add_date_terms(doc, seconds);
            doc.add_value(0, Xapian::sortable_serialise(static_cast<double>(seconds)));
        }
    }
    doc.set_data(data);
    return unique;
}

std::size_t index_stream(std::istream& in, Xapian::WritableDatabase& db) {
    Xapian::TermGenerator indexer;
    indexer.set_stemmer(Xapian::Stem("english"));
    indexer.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    Fields fields;
    std::size_t count = 0;
    while (read_record(in, fields)) {
        Xapian::Document doc;
        indexer.set_document(doc);
        std::string unique = index_fields(fields, indexer, doc);
        if (unique.empty()) {
            db.add_document(doc);
        } else {
            db.replace_document(unique, doc);
        }
        ++count;
    }
    return count;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: raw_index DATABASE DUMP...\n";
        return 2;
    }
    try {
        Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OPEN);
        std::size_t count = 0;
        for (int i = 2; i < argc; ++i) {
            std::ifstream in(argv[i], std::ios::binary);
            if (!in) {
                std::cerr << "raw_index: error: cannot read " << argv[i] << '\n';
                return 2;
            }
            count += index_stream(in, db);
        }
        db.commit();  // explicitly: the destructor would swallow a commit error
        std::cerr << "raw_index: " << count << " documents\n";
    } catch (const Xapian::Error& e) {
        std::cerr << "raw_index: error: " << e.get_description() << '\n';
        return 3;
    } catch (const std::exception& e) {  // a date that is not a number
        std::cerr << "raw_index: error: " << e.what() << '\n';
        return 2;
    }
    return 0;
}
