#!/usr/bin/env bash
# Indexes corpus/ and compares the programs' output with the golden files in golden/.
# MORGUE_REGENERATE=1 rewrites the golden files from the current output instead.
. "$(dirname "$0")/lib.sh"
GOLDEN="$MORGUE_SOURCE_DIR/tests/e2e/golden"
cd "$MORGUE_SOURCE_DIR"

# Timings vary from run to run: keep the counts, drop the seconds and the rate.
normalise() { sed -E 's/; [0-9.]+ s, [0-9]+ docs\/s$/; TIME/'; }

compare() {
    local name=$1 actual=$2
    if [ "${MORGUE_REGENERATE:-}" = 1 ]; then
        cp "$actual" "$GOLDEN/$name"
        pass
    elif diff -u "$GOLDEN/$name" "$actual" >"$TMP/diff"; then
        pass
    else
        fail "$name differs from golden:"; head -40 "$TMP/diff" >&2
    fi
}

"$MORGUE_INDEX" -d "$TMP/db" corpus 2>&1 >/dev/null | normalise >"$TMP/index.err"
compare index-corpus.err "$TMP/index.err"
"$MORGUE_INDEX" -d "$TMP/db" corpus 2>&1 >/dev/null | normalise >"$TMP/reindex.err"
compare reindex-corpus.err "$TMP/reindex.err"
"$MORGUE_INDEX" --dry-run corpus 2>/dev/null >"$TMP/dry-run.jsonl"
compare dry-run.jsonl "$TMP/dry-run.jsonl"

# name|arguments (split on spaces; @ stands for a space inside one argument)
while IFS='|' read -r name args; do
    [ -z "$name" ] && continue
    read -r -a argv <<<"$args"
    argv=("${argv[@]//@/ }")
    "$MORGUE_SEARCH" -d "$TMP/db" --color never "${argv[@]}" >"$TMP/$name" 2>&1
    echo "exit $?" >>"$TMP/$name"
    compare "$name" "$TMP/$name"
done <<'CASES'
text-keywords.out|ukraine shelling
text-question.out|what did the council vote on
json-coffee.json|--format json coffee
json-accents.json|--format json Sao@Paulo
jsonl-source.jsonl|--format jsonl --sort newest source:capital-wire.example
csv-harbour.csv|--format csv harbour
tsv-month.tsv|--format tsv --sort oldest date:2023-11
ids-all-newest.txt|--format ids --sort newest --limit 100 *
ids-all-oldest.txt|--format ids --sort oldest --limit 100
ids-title.txt|--format ids title:tram
ids-phrase.txt|--format ids "field@hospitals"
ids-lang.txt|--format ids lang:DE
ids-since-until.txt|--format ids --since 2024-03 --until 2024-03 *
ids-author.txt|--format ids author:fischer
ids-wildcard.txt|--format ids getreide*
ids-site.txt|--format ids site:www.market-wire.example
ids-id.txt|--format ids id:cw-2022-0223-sp
ids-not.txt|--format ids harbour NOT fishermen
ids-all-words.txt|--format ids --all harbour boats
ids-range.txt|--format ids date:2022-02-21..2022-02-22
ids-open-range.txt|--format ids --sort oldest date:2024..
ids-offset.txt|--format ids --sort newest --offset 3 --limit 2 *
html-snippet.json|--format json --highlight html --limit 1 tram
ids-cjk-word.txt|--format ids 地铁
ids-cjk-phrase.txt|--format ids "十九号线"
ids-lang-zh.txt|--format ids lang:zh
none-rittenhouse.out|Rittenhouse
json-facets.json|--format json --limit 0 --facet source:3,lang --histogram month *
text-facets.out|--limit 1 --facet source:2 --histogram year harbour@OR@tram
text-count.out|--count harbour
text-count-none.out|--count Rittenhouse
text-collapse.out|--collapse --limit 3 summit@OR@donetsk@OR@coffee
json-collapse.json|--format json --collapse --sort oldest donetsk
ids-duplicates.txt|--format ids --duplicates https://capital-wire.example/politics/summit-talks
ids-duplicates-exact.txt|--format ids --duplicates https://eastern-dispatch.example/world/donetsk-shelling-basements
ids-like.txt|--format ids --like https://capital-wire.example/politics/summit-talks --limit 5
ids-like-filtered.txt|--format ids --like https://capital-wire.example/politics/summit-talks date:2022
text-suggestion.out|harbur@fery
json-suggestion.json|--format json ukrane@shellng
text-no-suggest.out|--no-suggest harbur
text-unknown-id.out|--duplicates no/such/article
text-explain.out|--explain --since 2022-02 --until 2022-03-15 "harbour@board"@date:2022..
json-explain.json|--format json --explain --all --sort oldest harbour@lang:en
CASES
# --stats: the path and the size on disk vary; everything else is fixed.
"$MORGUE_SEARCH" -d "$TMP/db" --stats | sed -E "s#$TMP/db#DB#; s/^(size on disk: +)[0-9]+/\1SIZE/" >"$TMP/stats.out"
compare text-stats.out "$TMP/stats.out"

# --batch: one JSON line per query, errors included.
printf '%s\n' harbour '{"query":"tram","sort":"newest","limit":1}' '{"query":"date:2022-13"}' \
    | "$MORGUE_SEARCH" -d "$TMP/db" --batch --limit 2 >"$TMP/batch.jsonl"
compare batch.jsonl "$TMP/batch.jsonl"
finish
