#define BOOST_TEST_MODULE ids
#include <boost/test/unit_test.hpp>

#include "common/ids.h"

#include <string>
#include <string_view>
#include <vector>

namespace {

struct Case {
    std::string_view input;
    std::string_view expected;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(ids)

BOOST_AUTO_TEST_CASE(normalise_url_table) {
    const std::vector<Case> cases = {
        {"http://WWW.Example.com:80/a/b/?utm_source=x#frag", "https://example.com/a/b"},
        {"https://www.nbcnews.com/news/world/ukraine-n1289",
         "https://nbcnews.com/news/world/ukraine-n1289"},
        {"HTTPS://Example.COM", "https://example.com/"},
        {"https://example.com/", "https://example.com/"},
        {"https://example.com/?", "https://example.com/"},
        {"https://example.com:443/x", "https://example.com/x"},
        {"http://example.com:8080/x", "https://example.com:8080/x"},
        {"https://example.com/Path/Keeps/Case", "https://example.com/Path/Keeps/Case"},
        {"https://example.com/a//", "https://example.com/a"},
        {"https://example.com/a/./b/../c", "https://example.com/a/c"},
        {"https://example.com/%7euser/%e2%82%ac", "https://example.com/~user/%E2%82%AC"},
        {"https://example.com/a b/M\xC3\xBCller", "https://example.com/a%20b/M%C3%BCller"},
        {"https://example.com/a?id=7&utm_medium=rss&fbclid=abc&page=2",
         "https://example.com/a?id=7&page=2"},
        {"https://example.com/a?gclid=1&mc_cid=2&mc_eid=3&ocid=4&cmpid=5&ref=6&ref_src=7&smid=8"
         "&taid=9&_ga=10&UTM_Campaign=11",
         "https://example.com/a"},
        {"https://example.com/a?b=2&a=1&&c", "https://example.com/a?b=2&a=1&c"},
        {"https://example.com/a?referrer=x", "https://example.com/a?referrer=x"},
        {"https://example.com/a#section-2", "https://example.com/a"},
        {"https://user:secret@example.com/a", "https://example.com/a"},
        {"https://www.example.com./a", "https://example.com/a"},
        {"http://[2001:db8::1]:80/a", "https://[2001:db8::1]/a"},
        {"  https://example.com/a  ", "https://example.com/a"},
        {"ftp://example.com/file", ""},
        {"example.com/a", ""},
        {"https://", ""},
        {"https:///path", ""},
        {"not a url", ""},
        {"https://two words.com/a", ""},
        {"https://example.com:http/a", ""},
        {"https://example.com:/a", "https://example.com/a"},
        {"", ""},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT("url: " << c.input) {
            BOOST_TEST(morgue::normalise_url(c.input) == c.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(url_host_table) {
    const std::vector<Case> cases = {
        {"https://www.NBCNews.com/news/world", "nbcnews.com"},
        {"http://example.com:8080/a", "example.com"},
        {"//cdn.example.com/x.js", "cdn.example.com"},
        {"https://user@news.example.org?q=1", "news.example.org"},
        {"https://wwwexample.com/", "wwwexample.com"},
        {"nbcnews.com/news", ""},
        {"", ""},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT("url: " << c.input) {
            BOOST_TEST(morgue::url_host(c.input) == c.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(normalise_source_table) {
    const std::vector<Case> cases = {
        {"www.NBCNews.com", "nbcnews.com"},
        {"https://www.reuters.com/world", "reuters.com"},
        {"Nbcnews.com", "nbcnews.com"},
        {"bbc.co.uk/news", "bbc.co.uk"},
        {"The New York Times", "the new york times"},
        {"  Reuters  ", "reuters"},
        {"Le  Monde\tdiplomatique", "le monde diplomatique"},
        {"Süddeutsche Zeitung", "süddeutsche zeitung"},
        {"U.S. News", "u.s. news"},
        {"Web 2.0", "web 2.0"},
        {"", ""},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT("source: " << c.input) {
            BOOST_TEST(morgue::normalise_source(c.input) == c.expected);
        }
    }
}

// FIPS 180-2 appendix B vectors, plus lengths either side of the padding boundaries
// (55/56 bytes: one or two final blocks; 64: a whole block) computed with Python's hashlib.
BOOST_AUTO_TEST_CASE(sha256_vectors) {
    const std::vector<std::pair<std::string, std::string_view>> cases = {
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
        {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrl"
         "mnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
        {std::string(1000000, 'a'),
         "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
        {std::string(55, 'x'), "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"},
        {std::string(56, 'x'), "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"},
        {std::string(63, 'x'), "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"},
        {std::string(64, 'x'), "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"},
        {std::string(65, 'x'), "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9"},
        {std::string(119, 'x'), "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c"},
        {std::string(120, 'x'), "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98"},
        {"S\xC3\xA3o Paulo", "f00fd81daee53caeb98c10457637170f397caf1a97e48e0d2bdcb4cc2639faa4"},
    };
    for (const auto& [data, expected] : cases) {
        BOOST_TEST_CONTEXT("length " << data.size()) {
            BOOST_TEST(morgue::sha256_hex(data) == expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(hex_digest_is_first_128_bits) {
    BOOST_TEST(morgue::hex_digest("abc") == "ba7816bf8f01cfea414140de5dae2223");
    BOOST_TEST(morgue::hex_digest("") == "e3b0c44298fc1c149afbf4c8996fb924");
    BOOST_TEST(morgue::hex_digest(std::string(64, 'x')) == "7ce100971f64e7001e8fe5a51973ecdf");
}

BOOST_AUTO_TEST_SUITE_END()
