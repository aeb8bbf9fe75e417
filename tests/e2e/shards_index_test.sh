#!/usr/bin/env bash
# Sharded archives, written by morgue-index and read by morgue-search: hash and time shards hold
# the same documents as one database and answer every query alike; records move between time
# shards when their date changes; --delete, re-runs, --compact and --merge; contradictory flags;
# and kill -9 in the middle of a sharded run, which the same command run again completes exactly.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/robustness_lib.sh"
CORPUS=$MORGUE_SOURCE_DIR/corpus

# count DB: the number of documents (every shard's together).
count() { "$MORGUE_SEARCH" -d "$1" --count '' 2>/dev/null; }
# shard_counts ARCHIVE: "NAME=COUNT" for each shard, in name order.
shard_counts() {
    local shard
    for shard in "$1"/*/; do
        echo "$(basename "$shard")=$(xapian-delve "$shard" | sed -n 's/^number of documents = //p')"
    done | paste -sd' '
}
# expect_same_results WHAT DB: DB answers every query as the unsharded database does.
QUERIES=('' storm 'council OR harbour' 'date:2022..' 'lang:en' 'title:growers' 'storm -harbour')
expect_same_results() {
    local what=$1 db=$2 query sort
    for query in "${QUERIES[@]}"; do
        for sort in relevance newest; do
            "$MORGUE_SEARCH" -d "$TMP/one" --format ids --limit 1000 --sort $sort "$query" \
                >"$TMP/want" 2>/dev/null
            "$MORGUE_SEARCH" -d "$db" --format ids --limit 1000 --sort $sort "$query" \
                >"$TMP/got" 2>/dev/null
            expect_lines "$what: '$query' by $sort" "$TMP/want" "$TMP/got"
        done
    done
}
# expect_checks WHAT ARCHIVE: xapian-check passes on every shard.
expect_checks() {
    local shard
    for shard in "$2"/*/; do
        expect_code "$1: xapian-check $(basename "$shard")" 0 xapian-check "$shard"
    done
}

expect_code "unsharded reference" 0 "$MORGUE_INDEX" -q -d "$TMP/one" "$CORPUS"
TOTAL=$(count "$TMP/one")
expect_eq "the corpus's documents" 29 "$TOTAL"
expect_eq "some queries match" 2 "$("$MORGUE_SEARCH" -d "$TMP/one" --count storm)"

# Hash shards.
expect_code "--shards 2" 0 "$MORGUE_INDEX" -q --shards 2 -d "$TMP/h2" "$CORPUS"
expect_eq "the stub lists the hash shards" "auto shard-0
auto shard-1" "$(cat "$TMP/h2/XAPIANDB")"
expect_eq "documents per hash shard" "shard-0=12 shard-1=17" "$(shard_counts "$TMP/h2")"
expect_eq "the shards add up" "$TOTAL" "$(count "$TMP/h2")"
expect_same_results "hash shards" "$TMP/h2"
expect_checks "hash shards" "$TMP/h2"
"$MORGUE_INDEX" -d "$TMP/h2" "$CORPUS" 2>"$TMP/err"
expect_contains "a re-run reads no unchanged file" "$TMP/err" \
    "0 added, 0 replaced, 0 skipped, 0 undated; 0 files read, 16 unchanged"
"$MORGUE_INDEX" -d "$TMP/h2" --force "$CORPUS" 2>"$TMP/err"
expect_contains "--force replaces every document in its shard" "$TMP/err" "0 added, 29 replaced"
expect_eq "no copies after --force" "shard-0=12 shard-1=17" "$(shard_counts "$TMP/h2")"
"$MORGUE_INDEX" -d "$TMP/h2" --compact "$CORPUS" 2>"$TMP/err"
expect_contains "--compact compacts every shard" "$TMP/err" "morgue-index: compacted 2 shards: "
expect_checks "compacted shards" "$TMP/h2"
expect_same_results "compacted shards" "$TMP/h2"

# Time shards.
expect_code "--shard-by year" 0 "$MORGUE_INDEX" -q --shard-by year -d "$TMP/years" "$CORPUS"
expect_eq "the stub lists years, undated last" "auto 2022
auto 2023
auto 2024
auto undated" "$(cat "$TMP/years/XAPIANDB")"
expect_eq "documents per year" "2022=6 2023=14 2024=4 undated=5" "$(shard_counts "$TMP/years")"
expect_same_results "year shards" "$TMP/years"
expect_code "--shard-by month" 0 "$MORGUE_INDEX" -q --shard-by month -d "$TMP/months" "$CORPUS"
expect_eq "month shards" "auto 2022-02
auto 2023-04
auto 2023-06
auto 2023-11
auto 2023-12
auto 2024-03
auto undated" "$(cat "$TMP/months/XAPIANDB")"
expect_eq "the month shards add up" "$TOTAL" "$(count "$TMP/months")"
expect_same_results "month shards" "$TMP/months"
expect_checks "month shards" "$TMP/months"

# --dry-run with a shard flag prints what it prints without one, and writes nothing.
"$MORGUE_INDEX" -q --dry-run -d "$TMP/one" "$CORPUS" >"$TMP/dry-one" 2>/dev/null
expect_code "--dry-run --shards 3" 0 "$MORGUE_INDEX" -q --dry-run --shards 3 -d "$TMP/dry" "$CORPUS"
expect_lines "--dry-run prints as without shards" "$TMP/dry-one" "$TMP/out"
expect_eq "--dry-run writes no archive" "no" "$([ -e "$TMP/dry" ] && echo yes || echo no)"

# A record whose date changes moves to its new shard; undated ones move out of "undated".
cat >"$TMP/moves.jsonl" <<'EOF'
{"id":"a","title":"Alpha storm","text":"one","date":"2021-05-01"}
{"id":"b","title":"Beta","text":"two","date":"2022-01-01"}
{"id":"c","title":"Gamma","text":"three"}
EOF
expect_code "moves: first run" 0 "$MORGUE_INDEX" -q --shard-by year -d "$TMP/moves" "$TMP/moves.jsonl"
expect_eq "moves: before" "2021=1 2022=1 undated=1" "$(shard_counts "$TMP/moves")"
cat >"$TMP/moves.jsonl" <<'EOF'
{"id":"a","title":"Alpha storm","text":"one","date":"2023-12-31T23:30:00-01:00"}
{"id":"b","title":"Beta","text":"two","date":"2022-01-01"}
{"id":"c","title":"Gamma","text":"three","date":"2021-02-02"}
{"id":"d","title":"Delta","text":"four","date":"2020-01-01"}
{"id":"d","title":"Delta again","text":"five"}
EOF
"$MORGUE_INDEX" -d "$TMP/moves" "$TMP/moves.jsonl" 2>"$TMP/err"
expect_contains "moves: counted as replacements" "$TMP/err" "1 added, 4 replaced, 0 skipped, 1 undated"
expect_eq "moves: after (2023-12-31T23:30-01:00 is 2024 in UTC)" \
    "2020=0 2021=1 2022=1 2024=1 undated=1" "$(shard_counts "$TMP/moves")"
expect_eq "moves: each id once" "a b c d" "$(ids_of "$TMP/moves" | paste -sd' ')"
expect_eq "moves: the last copy of d won" "Delta again" \
    "$("$MORGUE_SEARCH" -d "$TMP/moves" --format jsonl id:d | jq -r .title)"
"$MORGUE_INDEX" -d "$TMP/moves" --delete a --delete c --delete nothing 2>"$TMP/err"
expect_contains "--delete finds ids in any shard" "$TMP/err" "2 deleted"
expect_contains "--delete names an unknown id" "$TMP/err" "no document with id 'nothing'"
expect_eq "deleted" "b d" "$(ids_of "$TMP/moves" | paste -sd' ')"

# Flags that contradict the archive, or make no sense: usage errors that say what to do.
expect_usage() {
    expect_code "$1" 2 "${@:3}"
    expect_contains "$1: message" "$TMP/err" "$2"
}
expect_usage "--shards against a hash archive of another count" \
    "is an archive of 2 hash shards (made with --shards 2), which --shards 4 contradicts" \
    "$MORGUE_INDEX" --shards 4 -d "$TMP/h2" "$CORPUS"
expect_usage "--shard-by month against years" \
    "is an archive of one shard per year (made with --shard-by year), which --shard-by month" \
    "$MORGUE_INDEX" --shard-by month -d "$TMP/years" "$CORPUS"
expect_usage "--shards on an unsharded database" \
    "is a database that is not sharded; --shards 2 lays out a new archive only" \
    "$MORGUE_INDEX" --shards 2 -d "$TMP/one" "$CORPUS"
expect_usage "--shards 1" "--shards 1: give 2 to 1024 shards" \
    "$MORGUE_INDEX" --shards 1 -d "$TMP/new" "$CORPUS"
expect_usage "--shards 0" "--shards 0: give 2 to 1024 shards" \
    "$MORGUE_INDEX" --shards 0 -d "$TMP/new" "$CORPUS"
expect_usage "--shards with --shard-by" "--shards and --shard-by exclude each other" \
    "$MORGUE_INDEX" --shards 2 --shard-by year -d "$TMP/new" "$CORPUS"
expect_usage "--shard-by week" "--shard-by: week not in {year,month}" \
    "$MORGUE_INDEX" --shard-by week -d "$TMP/new" "$CORPUS"
expect_usage "a shard on its own" "is a shard of the sharded archive '$TMP/h2'" \
    "$MORGUE_INDEX" -d "$TMP/h2/shard-0" "$CORPUS"
expect_usage "--merge of an unsharded database" "is not a sharded archive, so there is nothing" \
    "$MORGUE_INDEX" --merge -d "$TMP/one"
expect_eq "refused runs wrote nothing" "no shard-0=12 shard-1=17" \
    "$([ -e "$TMP/new" ] && echo yes || echo no) $(shard_counts "$TMP/h2")"

# Merging: one database in the archive's place, answering as before.
"$MORGUE_INDEX" --merge -d "$TMP/years" 2>"$TMP/err"
expect_contains "--merge" "$TMP/err" "morgue-index: merged 4 shards into one database: "
expect_eq "merged: one database" "yes no" \
    "$([ -f "$TMP/years/iamglass" ] && echo yes || echo no) $([ -e "$TMP/years/XAPIANDB" ] && echo yes || echo no)"
expect_code "merged: xapian-check" 0 xapian-check "$TMP/years"
expect_same_results "merged" "$TMP/years"
"$MORGUE_INDEX" -d "$TMP/years" "$CORPUS" 2>"$TMP/err"
expect_contains "merged: file states kept" "$TMP/err" "0 files read, 16 unchanged"
expect_eq "no work folder left" "" "$(find "$TMP" -maxdepth 2 -name '.*.compacted-*')"

# kill -9 in the middle of sharded runs; the same command run again completes them exactly.
python3 - "$TMP" <<'EOF'
import random, sys
rng = random.Random(11)
words = ["tide", "mill", "grain", "vote", "court", "ferry", "bridge", "strike", "fund", "fire"]
def line(i, copy, year):
    date = ',"date":"%d-%02d-%02d"' % (year, i % 12 + 1, i % 28 + 1) if year else ""
    text = " ".join(rng.choice(words) for _ in range(rng.randint(60, 120)))
    return '{"id":"n-%d","title":"copy %d","text":"report %s"%s}\n' % (i, copy, text, date)
final = {}
with open(sys.argv[1] + "/a.jsonl", "w") as a:
    for i in range(1600):
        year = 2016 + i % 5 if i % 9 else None
        final[i] = 1
        a.write(line(i, 1, year))
with open(sys.argv[1] + "/b.jsonl", "w") as b:
    for i in range(1600, 2000):
        b.write(line(i, 1, 2019))
        final[i] = 1
        j = rng.randrange(1600)  # a record of a.jsonl again, dated anew: it moves
        final[j] += 1
        b.write(line(j, final[j], rng.choice([2015, 2021, None])))
with open(sys.argv[1] + "/expected-copies", "w") as out:
    out.writelines("n-%d copy %d\n" % (i, final[i]) for i in sorted(final, key=lambda i: "n-%d" % i))
EOF
copies_of() {
    "$MORGUE_SEARCH" -d "$1" --format jsonl --limit 100000 '' 2>/dev/null |
        jq -r '"\(.id) \(.title)"' | sort
}
INPUTS=("$TMP/a.jsonl" "$TMP/b.jsonl")
start=$(now_ms)
expect_code "crash: reference run" 0 "$MORGUE_INDEX" -q --batch-size 200 -d "$TMP/ref" "${INPUTS[@]}"
full_ms=$(($(now_ms) - start))
copies_of "$TMP/ref" >"$TMP/ref-copies"
expect_lines "crash: the reference holds the last copies" "$TMP/expected-copies" "$TMP/ref-copies"
for layout in "--shards 3" "--shard-by year"; do
    db=$TMP/killed-${layout##* }
    for k in 1 2 3 4; do
        "$MORGUE_INDEX" -q --batch-size 200 $layout -d "$db" "${INPUTS[@]}" 2>/dev/null &
        pid=$!
        sleep_ms $((full_ms * k / 5))
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        # What a kill leaves opens and checks clean (a moved record may have its new copy
        # committed before its old one is removed: the next run removes it).
        if [ -f "$db/XAPIANDB" ]; then
            expect_checks "crash ($layout), kill $k" "$db"
            "$MORGUE_SEARCH" -d "$db" --count '' >"$TMP/count" 2>"$TMP/err"
            expect_eq "crash ($layout), kill $k: the archive answers" "0 $(cat "$TMP/count")" \
                "$? $(ids_of "$db" | wc -l)"
            echo "crash ($layout), kill $k: $(cat "$TMP/count") documents committed"
        fi
    done
    expect_code "crash ($layout): the same command completes" 0 \
        "$MORGUE_INDEX" -q --batch-size 200 $layout -d "$db" "${INPUTS[@]}"
    copies_of "$db" >"$TMP/copies"
    expect_lines "crash ($layout): every id once, the last copy" "$TMP/expected-copies" "$TMP/copies"
    expect_eq "crash ($layout): exact count" 2000 "$(count "$db")"
    expect_checks "crash ($layout)" "$db"
    expect_eq "crash ($layout): no work folder left" "" "$(find "$db" -name '.*')"
    "$MORGUE_INDEX" --batch-size 200 $layout -d "$db" "${INPUTS[@]}" 2>"$TMP/err"
    expect_contains "crash ($layout): then nothing to read" "$TMP/err" "0 files read, 2 unchanged"
done
echo "a whole unsharded run took ${full_ms} ms"
finish
