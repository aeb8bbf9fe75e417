#include "pipeline.h"

#include <algorithm>

#include "entities/extractor.h"
#include "ids.h"
#include "text/clean.h"
#include "text/fingerprint.h"
#include "text/language.h"
#include "text/unicode.h"

namespace morgue {

namespace {

/// The first non-empty value of a field, as valid UTF-8 and trimmed.
std::string first_value(const Record& record, const FieldMap& map, Field field) {
    for (const std::string& value : map.values(record, field)) {
        std::string text = text::to_utf8(value);
        std::string_view trimmed = text::trim(text);
        if (!trimmed.empty()) {
            return std::string(trimmed);
        }
    }
    return {};
}

/// "By Jane Doe" -> "Jane Doe"; empty values dropped; duplicates dropped.
std::vector<std::string> authors_of(const Record& record, const FieldMap& map) {
    std::vector<std::string> authors;
    for (const std::string& value : map.values(record, Field::author)) {
        std::string name(text::trim(text::to_utf8(value)));
        if (name.size() > 3 && (name.compare(0, 3, "By ") == 0 || name.compare(0, 3, "by ") == 0)) {
            name = std::string(text::trim(std::string_view(name).substr(3)));
        }
        if (!name.empty() && std::find(authors.begin(), authors.end(), name) == authors.end()) {
            authors.push_back(std::move(name));
        }
    }
    return authors;
}

/// The most precise zone-aware date among the record's date fields; a note when dates were
/// given but none could be read.
std::optional<std::int64_t> pick_date(const Record& record, const PipelineOptions& options,
                                      std::vector<Diagnostic>& notes) {
    std::optional<dates::ParsedDate> best;
    std::string unreadable;
    for (const std::string& value : options.fields.values(record, Field::date)) {
        std::string_view trimmed = text::trim(value);
        if (trimmed.empty()) {
            continue;
        }
        std::optional<dates::ParsedDate> parsed = dates::parse_date(trimmed, options.tz);
        if (!parsed) {
            unreadable = text::to_utf8(trimmed);
        } else if (!best || dates::better_date(*parsed, *best)) {
            best = parsed;
        }
    }
    if (!best && !unreadable.empty()) {
        notes.push_back(note(record.origin,
                             "unreadable date \"" + text::shorten(unreadable, 80) +
                                 "\"; article indexed without a date",
                             "unreadable date"));
    }
    return best ? std::optional<std::int64_t>(best->seconds) : std::nullopt;
}

/// Every non-empty value of a field, as valid UTF-8 and trimmed, each once.
std::vector<std::string> all_values(const Record& record, const FieldMap& map, Field field) {
    std::vector<std::string> out;
    for (const std::string& value : map.values(record, field)) {
        std::string text(text::trim(text::to_utf8(value)));
        if (!text.empty() && std::find(out.begin(), out.end(), text) == out.end()) {
            out.push_back(std::move(text));
        }
    }
    return out;
}

/// The entities the record lists itself, canonicalised like extracted ones.
std::vector<Entity> record_entities(const Record& record, const FieldMap& map) {
    std::vector<Entity> out;
    const std::pair<Field, EntityType> kinds[] = {{Field::person, EntityType::person},
                                                  {Field::organisation, EntityType::organisation},
                                                  {Field::place, EntityType::location}};
    for (const auto& [field, type] : kinds) {
        for (std::string& name : all_values(record, map, field)) {
            std::string canonical = entities::canonical_name(type, name);
            out.push_back(Entity{type, std::move(canonical), {std::move(name)}});
        }
    }
    return out;
}

std::string source_of(const std::string& given, const std::string& hint, const std::string& url) {
    if (!given.empty()) {
        return normalise_source(given);
    }
    if (!hint.empty()) {
        return normalise_source(hint);
    }
    return url_host(url);
}

/// Copies of a story share their body; a record with no body is known by its title.
void add_fingerprints(Article& article, bool near_copies) {
    const std::string& text = article.body.empty() ? article.title : article.body;
    article.content_hash = text::content_hash(text);
    if (near_copies) {
        article.fingerprint = text::fingerprint(text);
    }
}

}  // namespace

std::string article_id(std::string_view own_id, std::string_view url, std::string_view file_id,
                       std::string_view title, std::string_view body) {
    if (!own_id.empty()) {
        return std::string(own_id);
    }
    std::string normalised = normalise_url(url);
    if (!normalised.empty()) {
        return normalised;
    }
    if (!file_id.empty()) {
        return std::string(file_id);
    }
    std::string content(title);
    content += '\n';
    content += body;
    return hex_digest(content);
}

namespace {

/// The last path segment of a URL as words ("/world/summit-talks/" -> "summit talks").
std::string title_from_url(std::string_view url) {
    std::string_view path = url.substr(0, url.find_first_of("?#"));
    while (!path.empty() && path.back() == '/') {
        path.remove_suffix(1);
    }
    std::size_t slash = path.find_last_of('/');
    std::string_view slug = slash == std::string_view::npos ? path : path.substr(slash + 1);
    if (std::size_t dot = slug.find('.'); dot != std::string_view::npos && dot > 0) {
        slug = slug.substr(0, dot);  // "story.html" -> "story"
    }
    std::string words;
    for (char c : slug) {
        words += (c == '-' || c == '_' || c == '+') ? ' ' : c;
    }
    return std::string(text::trim(words));
}

/// Text past these sizes is not indexed: no story is as long, and indexing a record of 64 MiB
/// would take over a gigabyte of memory. README "Reliability" lists the limits.
constexpr std::size_t kMaxBody = std::size_t{8} << 20;
constexpr std::size_t kMaxTitle = std::size_t{4} << 10;

/// Cuts an over-long title or body to its limit, with a note.
void limit_text(const Record& record, Article& article, std::string& body,
                std::vector<Diagnostic>& notes) {
    if (body.size() > kMaxBody) {
        body = std::string(text::utf8_prefix(body, kMaxBody));
        notes.push_back(note(record.origin, "text longer than 8 MiB; only its first 8 MiB indexed",
                             "text truncated"));
    }
    if (article.title.size() > kMaxTitle) {
        article.title = text::shorten(article.title, kMaxTitle);
        notes.push_back(note(record.origin, "title longer than 4 KiB; shortened",
                             "title truncated"));
    }
}

/// Title and cleaned body; a record with neither keeps a title from its URL or own id (a page
/// whose text was lost is still an article of the archive), else it is skipped.
bool fill_text(const Record& record, const FieldMap& map, Article& article,
               std::string& source_hint, std::vector<Diagnostic>& notes) {
    article.title = first_value(record, map, Field::title);
    std::string body = first_value(record, map, Field::body);
    if (article.title.empty() && !body.empty()) {
        text::TitledText split = text::split_title(body);
        article.title = std::move(split.title);
        body = std::move(split.body);
    }
    limit_text(record, article, body, notes);
    text::CleanBody cleaned = text::clean_body(body);
    article.body = std::move(cleaned.body);
    source_hint = std::move(cleaned.source_hint);
    if (!article.title.empty() || !article.body.empty()) {
        return true;
    }
    article.title = title_from_url(first_value(record, map, Field::url));
    if (article.title.empty()) {
        article.title = first_value(record, map, Field::id);
    }
    if (article.title.empty()) {
        notes.push_back(Diagnostic{Severity::warning, record.origin,
                                   "no title, text, url or id; record skipped", "no text"});
        return false;
    }
    notes.push_back(note(record.origin,
                         "no title or text; indexed under a title from its url or id",
                         "no title or text"));
    return true;
}

void fill_metadata(const Record& record, const PipelineOptions& options,
                   const std::string& source_hint, Article& article,
                   std::vector<Diagnostic>& notes) {
    const FieldMap& map = options.fields;
    article.url = first_value(record, map, Field::url);
    article.source = source_of(first_value(record, map, Field::source), source_hint, article.url);
    article.authors = authors_of(record, map);
    article.date = pick_date(record, options, notes);
    article.lang = text::normalise_language(first_value(record, map, Field::lang));
    if (article.lang.empty()) {
        article.lang = options.language.empty()
                           ? text::detect_language(article.title, article.body)
                           : options.language;
    }
    article.topics = all_values(record, map, Field::topic);
    article.tags = all_values(record, map, Field::tag);
    for (std::string& organization : all_values(record, map, Field::organization)) {
        article.extra.emplace_back("organization", std::move(organization));
    }
}

}  // namespace

std::optional<Article> build_article(const Record& record, const PipelineOptions& options,
                                     std::vector<Diagnostic>& notes) {
    const FieldMap& map = options.fields;
    Article article;
    article.origin = record.origin;
    std::string source_hint;
    if (!fill_text(record, map, article, source_hint, notes)) {
        return std::nullopt;
    }
    fill_metadata(record, options, source_hint, article, notes);
    add_fingerprints(article, options.near_copies);
    if (options.extract_entities) {
        article.entities =
            entities::Extractor::shared().extract(article.title, article.body, article.lang);
    }
    entities::merge_entities(article.entities, record_entities(record, map));
    article.id = article_id(first_value(record, map, Field::id), article.url, record.file_id,
                            article.title, article.body);
    return article;
}

}  // namespace morgue
