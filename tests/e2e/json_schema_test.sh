#!/usr/bin/env bash
# Real --format json and jsonl output validates against the documented schemas, and output
# that breaks them is rejected (so the check can fail).
. "$(dirname "$0")/lib.sh"
cd "$MORGUE_SOURCE_DIR"
PY=/usr/bin/python3
if ! "$PY" -c 'import jsonschema' 2>/dev/null; then
    echo "FAIL: python3-jsonschema is missing (scripts/setup.sh test installs it)" >&2
    exit 1
fi
"$MORGUE_INDEX" -q -d "$TMP/db" corpus 2>/dev/null

validate() {  # validate NAME SCHEMA FILE
    if "$PY" -m jsonschema -i "$3" "$MORGUE_SOURCE_DIR/docs/$2" >"$TMP/v.err" 2>&1; then
        pass
    else
        fail "$1 does not validate against $2: $(head -c 400 "$TMP/v.err")"
    fi
}

n=0
for args in "harbour" "--sort newest *" "--sort oldest --limit 50 *" "--highlight html tram" \
            "Rittenhouse" "--offset 100 *" '"harbour board' "date:2022-02 lang:en" \
            "--facet source,lang:1,topic,tag,person,org,place --histogram week *" \
            "--histogram day harbour" "--histogram month --facet source Rittenhouse" \
            "--collapse --limit 20 *" "--collapse --offset 2 --sort newest donetsk OR summit"; do
    n=$((n + 1))
    # shellcheck disable=SC2086
    "$MORGUE_SEARCH" -d "$TMP/db" --format json $args >"$TMP/doc$n.json" 2>/dev/null
    validate "json for '$args'" search-output.schema.json "$TMP/doc$n.json"
done
"$MORGUE_SEARCH" -d "$TMP/db" --format jsonl --limit 50 '*' >"$TMP/all.jsonl"
expect_eq "jsonl lines" 29 "$(wc -l <"$TMP/all.jsonl" | tr -d ' ')"
i=0
while IFS= read -r line; do
    i=$((i + 1))
    printf '%s\n' "$line" >"$TMP/line$i.json"
    validate "jsonl line $i" search-hit.schema.json "$TMP/line$i.json"
done <"$TMP/all.jsonl"

# --batch lines (results and errors), --explain and --stats validate too.
printf '%s\n' harbour '{"query":"tram","limit":1,"facet":"source","histogram":"year"}' \
    '{"query":"date:2022-13"}' '{"colour":1}' '{"limit":"x"}' '[1,2]' \
    | "$MORGUE_SEARCH" -d "$TMP/db" --batch >"$TMP/batch.jsonl"
expect_eq "batch lines" 6 "$(wc -l <"$TMP/batch.jsonl" | tr -d ' ')"
i=0
while IFS= read -r line; do
    i=$((i + 1))
    printf '%s\n' "$line" >"$TMP/batch$i.json"
    validate "batch line $i" search-output.schema.json "$TMP/batch$i.json"
done <"$TMP/batch.jsonl"
"$MORGUE_SEARCH" -d "$TMP/db" --format json --explain --since 7d 'what "the council" date:2022..' >"$TMP/explain.json"
validate "--explain" search-output.schema.json "$TMP/explain.json"
"$MORGUE_SEARCH" -d "$TMP/db" --format json --stats >"$TMP/stats.json"
validate "--stats" search-output.schema.json "$TMP/stats.json"

# The schema rejects what it must: a missing field, a wrong type, an unknown field.
"$PY" - "$TMP/doc1.json" "$TMP" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
broken = [dict(doc), dict(doc), dict(doc)]
del broken[0]["total"]
broken[1]["offset"] = "0"
broken[2]["extra"] = True
for i, b in enumerate(broken):
    json.dump(b, open(f"{sys.argv[2]}/broken{i}.json", "w"))
PY
for i in 0 1 2; do
    if "$PY" -m jsonschema -i "$TMP/broken$i.json" "$MORGUE_SOURCE_DIR/docs/search-output.schema.json" >/dev/null 2>&1; then
        fail "broken document $i validated"
    else
        pass
    fi
done
finish
