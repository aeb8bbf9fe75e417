// The baseline of the --batch benchmark: a plain libxapian loop with Xapian's defaults
// (QueryParser with the English stemmer and STEM_SOME, BM25, the first 10 hits with their
// document data), reading one query per line and printing the microseconds each took.
#include <xapian.h>

#include <chrono>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: raw_search DATABASE < queries\n";
        return 2;
    }
    Xapian::Database db(argv[1]);
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    std::string line;
    std::size_t bytes = 0;
    while (std::getline(std::cin, line)) {
        auto start = std::chrono::steady_clock::now();
        Xapian::Enquire enquire(db);
        enquire.set_query(parser.parse_query(line));
        Xapian::MSet mset = enquire.get_mset(0, 10);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            bytes += it.get_document().get_data().size();
        }
        auto took = std::chrono::steady_clock::now() - start;
        std::cout << std::chrono::duration_cast<std::chrono::microseconds>(took).count() << '\n'
                  << std::flush;
    }
    std::cerr << "raw_search: read " << bytes << " bytes of document data\n";
}
