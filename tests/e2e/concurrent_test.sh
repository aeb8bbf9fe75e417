#!/usr/bin/env bash
# morgue-search while morgue-index writes the same database: every search answers (no results
# only before the first commit) and the number of matches never goes down; at the end it is
# exactly the number of articles.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/robustness_lib.sh"

python3 - "$TMP" <<'EOF'
import random, sys
rng = random.Random(5)
syllables = ["po", "ra", "lin", "ket", "un", "sa", "dor", "mi", "vex", "tal", "io", "ber"]
vocab = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
                for _ in range(3000)})
with open(sys.argv[1] + "/news.jsonl", "w") as out:
    for i in range(2400):
        words = " ".join(rng.choice(vocab) for _ in range(rng.randint(40, 90)))
        out.write('{"id":"news-%04d","title":"Bulletin %d","text":"bulletin %s",'
                  '"date":"2019-%02d-%02d","source":"wire%d"}\n'
                  % (i, i, words, i % 12 + 1, i % 28 + 1, i % 4))
EOF
EXPECTED=2400

# search_while_indexing WHAT DB INDEX_ARGS...: indexes news.jsonl into DB in the background
# and searches DB again and again until the indexer has finished.
search_while_indexing() {
    local what=$1 db=$2
    shift 2
    "$MORGUE_INDEX" -q "$@" -d "$db" "$TMP/news.jsonl" 2>"$TMP/index-err" &
    local pid=$! searches=0 empty=0 totals=0 last=0 code total json
    # A database is there to open once its version file is (Xapian writes that one last).
    while kill -0 "$pid" 2>/dev/null && [ ! -f "$db/iamglass" ]; do sleep 0.01; done
    while kill -0 "$pid" 2>/dev/null; do
        # Facets and a timeline read every match: a long read, which commits can overtake.
        "$MORGUE_SEARCH" -d "$db" --format json --facet source --histogram month bulletin \
            >"$TMP/json" 2>"$TMP/search-err"
        code=$?
        searches=$((searches + 1))
        # The JSON is one line; read without forking, to search as often as possible.
        json=
        read -r json <"$TMP/json"
        total=none
        [[ $json =~ \"total\":\{\"estimate\":([0-9]+) ]] && total=${BASH_REMATCH[1]}
        if [ "$code" -eq 1 ] && [ "$last" -eq 0 ] && [ "$total" = 0 ]; then
            empty=$((empty + 1))  # nothing committed yet
            continue
        fi
        if [ "$code" -ne 0 ] || [ "$total" = none ]; then
            fail "$what: search $searches: exit $code after $last matches:" \
                "$(head -c 300 "$TMP/search-err")"
            break
        fi
        if [ "$total" -lt "$last" ]; then
            fail "$what: search $searches: $total matches after $last"
            break
        fi
        [ "$total" -gt "$last" ] && totals=$((totals + 1))
        last=$total
    done
    wait "$pid"
    expect_eq "$what: indexing finished ($(head -c 300 "$TMP/index-err"))" 0 "$?"
    expect_eq "$what: exact total at the end" "$EXPECTED true" "$("$MORGUE_SEARCH" -d "$db" \
        --format json --facet source bulletin | jq -r '"\(.total.estimate) \(.total.exact)"')"
    echo "$what: $searches searches while indexing: $empty before the first commit," \
        "$totals growing totals, up to $last"
}

# One writer committing every 10 articles.
search_while_indexing "one writer" "$TMP/one" -j1 --batch-size 10
# A fresh database written in segments on two threads, merged in every 1000 articles: each
# merge swaps a compacted copy in place of the database folder.
search_while_indexing "segments" "$TMP/segments" -j2 --batch-size 10
seq -f 'news-%04g' 0 $((EXPECTED - 1)) >"$TMP/expected-ids"
expect_database "one writer" "$TMP/one" "$TMP/expected-ids"
expect_database "segments" "$TMP/segments" "$TMP/expected-ids"
finish
