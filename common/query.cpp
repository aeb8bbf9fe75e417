#include "query.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <utility>

#include "errors.h"
#include "ranking.h"
#include "schema.h"
#include "stem_adapter.h"
#include "text/language.h"
#include "text/stopwords.h"
#include "text/unicode.h"

namespace morgue {

namespace {

constexpr unsigned kParseFlags = Xapian::QueryParser::FLAG_DEFAULT |
                                 Xapian::QueryParser::FLAG_WILDCARD |
                                 Xapian::QueryParser::FLAG_PURE_NOT |
                                 Xapian::QueryParser::FLAG_CJK_NGRAM;
/// The fallback when the query's syntax does not parse: words and fields only.
constexpr unsigned kLenientFlags = Xapian::QueryParser::FLAG_CJK_NGRAM;
/// More words than this are refused: matching time grows with the square of the number of
/// terms, so 10,000 words would take seconds even on a small archive.
constexpr std::size_t kMaxQueryWords = 1024;

bool is_word_byte(unsigned char c) {
    return std::isalnum(c) || c >= 0x80 || c == '\'';
}

/// A boolean field: the value is normalised exactly as at index time.
class BooleanField : public Xapian::FieldProcessor {
  public:
    BooleanField(std::string_view field, std::string_view prefix) : field_(field), prefix_(prefix) {}
    Xapian::Query operator()(const std::string& value) override {
        return Xapian::Query(schema::boolean_term(prefix_, schema::normalise_value(field_, value)));
    }

  private:
    std::string field_;
    std::string prefix_;
};

/// person:, org:, place:: the name goes through the alias table, as at index time, so that
/// place:US finds "United States".
class EntityField : public Xapian::FieldProcessor {
  public:
    explicit EntityField(std::vector<EntityType> types) : types_(std::move(types)) {}
    Xapian::Query operator()(const std::string& value) override {
        std::vector<Xapian::Query> terms;
        for (EntityType type : types_) {
            terms.emplace_back(schema::entity_term(type, value));
        }
        return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    }

  private:
    std::vector<EntityType> types_;
};

}  // namespace

/// What the date: field of a parser reads and writes for the query being parsed: parsers are
/// kept from query to query, while the clock, the zone and the range seen belong to one query.
struct DateState {
    const QueryContext* context = nullptr;
    std::optional<dates::DateRange>* seen = nullptr;
    std::string error;  ///< the first malformed date, raised once the parser has returned
};

namespace {

/// date:... ranges; remembers the range so that output can show it.
class DateField : public Xapian::FieldProcessor {
  public:
    explicit DateField(DateState& state) : state_(state) {}
    Xapian::Query operator()(const std::string& value) override {
        const QueryContext& context = *state_.context;
        dates::RangeResult result = dates::parse_date_range(value, context.now, context.tz);
        if (!result.range) {
            // An exception thrown through Xapian's parser leaks its state: keep the error.
            if (state_.error.empty()) {
                state_.error = result.error;
            }
            return Xapian::Query::MatchNothing;
        }
        *state_.seen = result.range;
        return date_filter(*result.range);
    }

  private:
    DateState& state_;
};

/// Drops the function words of questions ("what did the ...").
class LanguageStopper : public Xapian::Stopper {
  public:
    explicit LanguageStopper(std::string lang) : lang_(std::move(lang)) {}
    bool operator()(const std::string& word) const override {
        return text::is_stopword(lang_, word);
    }

  private:
    std::string lang_;
};

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

/// Rejects "foo:bar" where foo is no field: the parser would silently read it as words.
void check_fields(std::string_view text) {
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"') {
            quoted = !quoted;
        }
        if (quoted || text[i] != ':' || i == 0 || i + 1 >= text.size() ||
            std::isspace(static_cast<unsigned char>(text[i + 1])) || text.substr(i + 1, 2) == "//") {
            continue;
        }
        std::size_t start = i;
        while (start > 0 && is_name_char(text[start - 1])) {
            --start;
        }
        std::string_view name = text.substr(start, i - start);
        bool word = !name.empty() && std::isalpha(static_cast<unsigned char>(name[0]));
        if (word && schema::find_field(name) == nullptr) {
            std::string known;
            for (const schema::FieldSpec& spec : schema::kFields) {
                known += (known.empty() ? "" : ", ") + std::string(spec.name);
            }
            throw QueryError("unknown field '" + std::string(name) + ":' at column " +
                             std::to_string(start + 1) + " (fields: " + known +
                             "; put the words in quotes to search for them as text)");
        }
    }
}

/// Refuses a query of more than kMaxQueryWords words.
void check_length(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
        bool word_byte = is_word_byte(static_cast<unsigned char>(c));
        words += word_byte && !in_word ? 1 : 0;
        in_word = word_byte;
    }
    if (words > kMaxQueryWords) {
        throw QueryError("the query has " + std::to_string(words) + " words; at most " +
                         std::to_string(kMaxQueryWords) + " are read (search for fewer words)");
    }
}

/// Control characters become spaces; accents are folded as at index time.
std::string prepare_text(std::string_view text) {
    std::string clean = text::to_utf8(text);
    for (char& c : clean) {
        if (static_cast<unsigned char>(c) < 0x20) {
            c = ' ';
        }
    }
    return text::fold_accents(clean);
}

/// The settings that may change from query to query.
void apply_context(Xapian::QueryParser& parser, const QueryContext& context) {
    parser.set_default_op(context.match_all_words ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    parser.set_max_expansion(context.wildcard_limit, Xapian::Query::WILDCARD_LIMIT_ERROR);
}

/// The settings of every query: the database and the schema's fields.
void configure(Xapian::QueryParser& parser, const Xapian::Database& db, DateState& dates) {
    parser.set_database(db);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    for (const schema::FieldSpec& spec : schema::kFields) {
        std::string name(spec.name);
        if (spec.kind == schema::FieldKind::text) {
            parser.add_prefix(name, std::string(spec.prefix));
        } else if (spec.kind == schema::FieldKind::boolean) {
            parser.add_boolean_prefix(name, (new BooleanField(spec.name, spec.prefix))->release());
        } else if (spec.kind == schema::FieldKind::entity) {
            auto* field = new EntityField({*entity_type_from_name(spec.name)});
            parser.add_boolean_prefix(name, field->release());
        } else if (spec.kind == schema::FieldKind::any_entity) {
            auto* field = new EntityField(
                {EntityType::person, EntityType::organisation, EntityType::location});
            parser.add_boolean_prefix(name, field->release());
        } else {
            parser.add_boolean_prefix(name, (new DateField(dates))->release());
        }
    }
}

/// True for languages that capitalise common nouns (German "Gewerkschaften"), where a capital
/// does not mark a name that should match exactly.
bool capitalises_nouns(std::string_view lang) {
    return lang == "de" || lang == "lb";
}

/// The words lower-cased, so that the parser stems them, except the boolean operators and
/// field:value tokens (ids may be case-sensitive).
std::string lower_words(const std::string& text) {
    static const std::set<std::string> kOperators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = text.find_first_of(" \t\n", i);
        end = end == std::string::npos ? text.size() : end;
        std::string word = text.substr(i, end - i);
        std::string head = word.substr(0, word.find('/'));
        bool keep = kOperators.count(head) > 0 || word.find(':') != std::string::npos;
        out += keep ? word : Xapian::Unicode::tolower(word);
        if (end < text.size()) {
            out += text[end];
        }
        i = end + 1;
    }
    return out;
}

Xapian::Query parse_with(Xapian::QueryParser& parser, const std::string& raw, const std::string& lang,
                         std::vector<std::string>& warnings) {
    const std::string text = capitalises_nouns(lang) ? lower_words(raw) : raw;
    try {
        return parser.parse_query(text, kParseFlags);
    } catch (const Xapian::QueryParserError& e) {
        std::string warning = "query syntax not understood (" + e.get_msg() +
                              "); operators and quotes read as plain words";
        if (std::find(warnings.begin(), warnings.end(), warning) == warnings.end()) {
            warnings.push_back(warning);
        }
    }
    try {
        return parser.parse_query(text, kLenientFlags);
    } catch (const Xapian::QueryParserError&) {
        // Xapian 1.4's CJK n-grams fail on a CJK run joined to a letter after another word
        // ("a 中e"): such a query is read word by word, as it is written.
        return parser.parse_query(text, 0);
    }
}


/// Each language's documents read the query with that language's stemmer and stopwords, so a
/// word that is a stopword in one language still counts in another; languages that read the
/// query alike share one reading. Documents without a language read it unstemmed.
/// A language with fewer than one in this many of the archive's articles (most often a few
/// articles the detector misjudged) gets no reading of its own: each reading costs the query
/// its every term again, and its articles still match the unstemmed reading by their words.
constexpr Xapian::doccount kMinorLanguageShare = 100;

/// Which languages get a reading of their own, and how the other articles are picked out.
struct LanguagePlan {
    std::vector<std::string> own;            ///< languages read with their own stemmer
    std::vector<Xapian::Query> own_terms;    ///< their L terms
    std::vector<Xapian::Query> other_terms;  ///< L terms of the others: minor languages, "und"
    bool others = false;                     ///< some articles are in none of own
    bool others_tagged = false;              ///< ...and other_terms pick out every one of them
};

template <typename TermFreq>
LanguagePlan plan_languages(const Xapian::Database& db, TermFreq&& termfreq,
                            const QueryContext& context) {
    LanguagePlan plan;
    Xapian::doccount total = db.get_doccount();
    Xapian::doccount tagged = 0;
    Xapian::doccount in_own = 0;
    for (const std::string& lang : context.languages) {
        std::string term = schema::boolean_term(schema::kLangPrefix, lang);
        Xapian::doccount in_language = termfreq(term);
        tagged += in_language;
        if (!context.languages_restricted && in_language * kMinorLanguageShare < total) {
            plan.other_terms.emplace_back(term);  // read as articles of no language are
            continue;
        }
        plan.own.push_back(lang);
        plan.own_terms.emplace_back(term);
        in_own += in_language;
    }
    std::string undetermined =
        schema::boolean_term(schema::kLangPrefix, schema::kUndeterminedLanguage);
    if (Xapian::doccount unknown = termfreq(undetermined); unknown > 0) {
        plan.other_terms.emplace_back(undetermined);
        tagged += unknown;
    }
    plan.others = !context.languages_restricted && total > in_own;
    // Databases written before "und" existed have articles with no L term at all.
    plan.others_tagged = tagged >= total;
    return plan;
}

/// The articles of no language of their own, read unstemmed: picked out by their L terms when
/// all have one (a short posting list to filter by), else as those in none of the languages.
template <typename ParserOf>
Xapian::Query read_others(ParserOf&& parser_of, const std::string& text,
                          const LanguagePlan& plan, std::vector<std::string>& warnings) {
    Xapian::Query reading = parse_with(parser_of(""), text, "", warnings);
    if (plan.others_tagged) {
        return Xapian::Query(Xapian::Query::OP_FILTER, reading,
                             Xapian::Query(Xapian::Query::OP_OR, plan.other_terms.begin(),
                                           plan.other_terms.end()));
    }
    return Xapian::Query(Xapian::Query::OP_AND_NOT, reading,
                         Xapian::Query(Xapian::Query::OP_OR, plan.own_terms.begin(),
                                       plan.own_terms.end()));
}

template <typename ParserOf, typename TermFreq>
Xapian::Query read_per_language(ParserOf&& parser_of, const std::string& text,
                                const Xapian::Database& db, TermFreq&& termfreq,
                                const QueryContext& context, std::vector<std::string>& warnings) {
    LanguagePlan plan = plan_languages(db, termfreq, context);
    std::map<std::string, std::pair<Xapian::Query, std::vector<Xapian::Query>>> readings;
    for (std::size_t i = 0; i < plan.own.size(); ++i) {
        Xapian::Query reading = parse_with(parser_of(plan.own[i]), text, plan.own[i], warnings);
        auto& slot = readings[reading.get_description()];
        slot.first = reading;
        slot.second.push_back(plan.own_terms[i]);
    }
    if (readings.size() == 1 && !plan.others) {
        return readings.begin()->second.first;
    }
    std::vector<Xapian::Query> parts;
    for (auto& [description, reading] : readings) {
        Xapian::Query filter(Xapian::Query::OP_OR, reading.second.begin(), reading.second.end());
        parts.emplace_back(Xapian::Query::OP_FILTER, reading.first, filter);
    }
    if (plan.others) {
        parts.push_back(read_others(parser_of, text, plan, warnings));
    }
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

}  // namespace

Xapian::Query date_filter(const dates::DateRange& range) {
    auto slot = schema::slot_number(schema::Slot::date);
    auto ser = [](std::int64_t s) { return Xapian::sortable_serialise(static_cast<double>(s)); };
    if (range.from && range.to) {
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, ser(*range.from), ser(*range.to));
    }
    if (range.to) {
        return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, ser(*range.to));
    }
    // An open range still needs a date: undated articles never match a date filter.
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot,
                         range.from ? ser(*range.from) : std::string(1, '\0'));
}

std::vector<std::string> languages_in_query(std::string_view text) {
    std::vector<std::string> langs;
    for (std::size_t pos = text.find("lang:"); pos != std::string_view::npos;
         pos = text.find("lang:", pos + 5)) {
        if (pos > 0 && is_name_char(text[pos - 1])) {
            continue;
        }
        std::size_t end = pos + 5;
        while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
               text[end] != ')') {
            ++end;
        }
        std::string code = text::normalise_language(text.substr(pos + 5, end - pos - 5));
        if (!code.empty()) {
            langs.push_back(code);
        }
    }
    return langs;
}

QueryParsers::QueryParsers(Xapian::Database db)
    : db_(std::move(db)), dates_(std::make_unique<DateState>()) {}

QueryParsers::~QueryParsers() = default;
QueryParsers::QueryParsers(QueryParsers&&) noexcept = default;

Xapian::QueryParser& QueryParsers::parser_for(const std::string& lang) {
    auto it = parsers_.find(lang);
    if (it == parsers_.end()) {
        Xapian::QueryParser parser;
        configure(parser, db_, *dates_);
        parser.set_stemmer(make_stemmer(lang));
        parser.set_stopper((new LanguageStopper(lang))->release());
        it = parsers_.emplace(lang, parser).first;
    }
    return it->second;
}

ParsedQuery QueryParsers::parse(std::string_view raw, const QueryContext& context) {
    ParsedQuery parsed;
    std::string text = prepare_text(raw);
    std::string_view trimmed = text::trim(text);
    if (trimmed.empty() || trimmed == "*") {
        parsed.query = Xapian::Query::MatchAll;
        return parsed;
    }
    check_length(trimmed);
    check_fields(trimmed);
    if (std::count(trimmed.begin(), trimmed.end(), '"') % 2 != 0) {
        parsed.warnings.push_back("unbalanced quote: the phrase runs to the end of the query");
    }
    *dates_ = DateState{&context, &parsed.date, {}};
    auto parser_of = [&](const std::string& lang) -> Xapian::QueryParser& {
        Xapian::QueryParser& parser = parser_for(lang);
        apply_context(parser, context);
        return parser;
    };
    // The counts of the language terms, asked once per database: a remote shard answers each
    // question over the network.
    auto termfreq = [this](const std::string& term) {
        auto [it, added] = termfreqs_.try_emplace(term, 0);
        if (added) {
            it->second = db_.get_termfreq(term);
        }
        return it->second;
    };
    parsed.query = read_per_language(parser_of, lower_incidental_capitals(trimmed), db_, termfreq,
                                     context, parsed.warnings);
    const std::string date_error = std::exchange(*dates_, DateState{}).error;
    if (!date_error.empty()) {
        throw QueryError(date_error);
    }
    return parsed;
}

ParsedQuery parse_query(std::string_view raw, const Xapian::Database& db,
                        const QueryContext& context) {
    return QueryParsers(db).parse(raw, context);
}

namespace {

bool is_operator(std::string_view word) {
    return word == "AND" || word == "OR" || word == "NOT" || word == "XOR" || word == "NEAR" ||
           word == "ADJ";
}

/// The archive's word for one the archive does not have, or "" to keep it. Words the archive
/// has are kept: Xapian would offer a more frequent neighbour ("lorry" -> "worry"), and asking
/// costs a search of the spelling data per word.
std::string correction(const std::string& word, const Xapian::Database& db) {
    std::string lower = Xapian::Unicode::tolower(word);
    bool digits = std::any_of(lower.begin(), lower.end(),
                              [](char c) { return c >= '0' && c <= '9'; });
    if (lower.size() < 3 || digits || db.term_exists(lower)) {
        return {};
    }
    return db.get_spelling_suggestion(lower);
}

}  // namespace

std::string spelling_suggestion(std::string_view raw, const Xapian::Database& db) {
    std::string text = prepare_text(raw);
    std::string corrected;
    bool changed = false;
    for (std::size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        if (!is_word_byte(c)) {
            corrected += text[i++];
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && is_word_byte(static_cast<unsigned char>(text[end]))) {
            ++end;
        }
        std::string word = text.substr(i, end - i);
        bool field = end < text.size() && text[end] == ':';
        bool wildcard = end < text.size() && text[end] == '*';
        bool value = i > 0 && text[i - 1] == ':';
        std::string fixed;
        if (!field && !wildcard && !value && !is_operator(word)) {
            fixed = correction(word, db);
        }
        changed = changed || !fixed.empty();
        corrected += fixed.empty() ? word : fixed;
        i = end;
    }
    return changed ? corrected : std::string();
}

}  // namespace morgue
