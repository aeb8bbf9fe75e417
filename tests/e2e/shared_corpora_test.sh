#!/usr/bin/env bash
# Real dumps from ../shared/corpora: counts, titles, ids, dates and sources, and re-runs that
# change nothing. Skipped (exit 77) where the shared corpora are absent.
. "$(dirname "$0")/lib.sh"
SHARED="$MORGUE_SOURCE_DIR/../shared/corpora/news"
if [ ! -d "$SHARED/bbc" ] || [ ! -f "$SHARED/fwd-headlines/headlines-2022-07-11.json" ]; then
    echo "skipped: $SHARED (the shared corpora) is absent"
    exit 77
fi
# The exact number of matches, counted from the ids.
total() { "$MORGUE_SEARCH" -d "$1" --format ids --limit 100000 "${2:-*}" | wc -l | tr -d ' '; }

# BBC: five topic folders, one article per file, each with its title line.
"$MORGUE_INDEX" -d "$TMP/bbc" "$SHARED"/bbc/{business,entertainment,politics,sport,tech} 2>"$TMP/err"
expect_eq "bbc documents" 2225 "$(total "$TMP/bbc")"
expect_contains "bbc summary" "$TMP/err" "2225 added, 0 replaced, 0 skipped"
expect_eq "bbc title of business/001.txt" "Ad sales boost Time Warner profit" \
    "$("$MORGUE_SEARCH" -d "$TMP/bbc" --format json id:business/001.txt | python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["title"])')"
untitled=$("$MORGUE_SEARCH" -d "$TMP/bbc" --format tsv --limit 3000 '*' | awk -F'\t' 'NR>1 && $6==""' | wc -l)
expect_eq "bbc articles without title" 0 "$untitled"
"$MORGUE_INDEX" -d "$TMP/bbc" "$SHARED"/bbc/{business,entertainment,politics,sport,tech} 2>"$TMP/err"
expect_contains "bbc second run" "$TMP/err" "0 added, 0 replaced, 0 skipped, 0 undated; 0 files read, 2225 unchanged"
expect_eq "bbc documents after second run" 2225 "$(total "$TMP/bbc")"

# --collapse merges every exact-duplicate pair of the BBC files: one of each pair is shown, with
# the other among its copies.
"$MORGUE_SEARCH" -d "$TMP/bbc" --format json --collapse --limit 3000 '*' >"$TMP/bbc-stories.json"
python3 - "$SHARED/bbc" "$TMP/bbc-stories.json" <<'PY' && pass || fail "bbc exact duplicates collapse"
import collections, hashlib, json, os, sys
root, stories = sys.argv[1], json.load(open(sys.argv[2]))["results"]
groups = collections.defaultdict(list)
for topic in ["business", "entertainment", "politics", "sport", "tech"]:
    for name in os.listdir(os.path.join(root, topic)):
        data = open(os.path.join(root, topic, name), "rb").read()
        groups[hashlib.sha256(data).hexdigest()].append(f"{topic}/{name}")
pairs = [sorted(g) for g in groups.values() if len(g) > 1]
copies = {hit["id"]: set(hit["copies"]["ids"]) for hit in stories}
shown = set(copies)
merged = sum(1 for a, b in pairs if (a in shown) != (b in shown) and
             (b in copies.get(a, ()) or a in copies.get(b, ())))
print(f"{len(pairs)} exact-duplicate pairs, {merged} collapsed, {len(stories)} stories", file=sys.stderr)
sys.exit(0 if len(pairs) == 98 and merged == 98 else 1)
PY

# fwd-headlines: one JSON array; one document per distinct normalised link.
FWD="$SHARED/fwd-headlines/headlines-2022-07-11.json"
"$MORGUE_INDEX" -d "$TMP/fwd" "$FWD" 2>"$TMP/err"
expected=$(python3 - "$FWD" <<'PY'
import json, sys
print(len({r["link"] for r in json.load(open(sys.argv[1]))}))
PY
)
docs=$(total "$TMP/fwd")
if [ "$docs" -ge 9840 ] && [ "$docs" -le "$expected" ]; then pass; else fail "fwd documents: $docs"; fi
expect_eq "fwd undated" 0 "$(total "$TMP/fwd" 'NOT date:..2022-07-31')"
expect_eq "fwd dated up to July 2022" "$docs" "$(total "$TMP/fwd" 'date:..2022-07-31')"
python3 - "$FWD" "$TMP/fwd" "$MORGUE_SEARCH" <<'PY' && pass || fail "fwd sources and dates"
import json, subprocess, sys, datetime
records = json.load(open(sys.argv[1]))
by_link = {}
for r in records:
    by_link.setdefault(r["link"], []).append(r)
out = subprocess.run([sys.argv[3], "-d", sys.argv[2], "--format", "jsonl", "--limit", "20000", "*"],
                     capture_output=True, text=True, check=True).stdout.splitlines()
hits = [json.loads(line) for line in out]
bad = 0
for h in hits:
    wanted = {(datetime.datetime.fromtimestamp(r["timestamp"], datetime.timezone.utc)
               .strftime("%Y-%m-%dT%H:%M:%SZ"), r["domain"].lower().removeprefix("www."))
              for r in by_link.get(h["url"], [])}
    if (h["date"], h["source"]) not in wanted:
        bad += 1
        if bad < 5:
            print("mismatch:", h["url"], h["date"], h["source"], wanted, file=sys.stderr)
sys.exit(1 if bad or len(hits) < 9840 else 0)
PY
"$MORGUE_INDEX" -d "$TMP/fwd" "$FWD" 2>"$TMP/err"
expect_contains "fwd second run" "$TMP/err" "0 added, 0 replaced, 0 skipped, 0 undated; 0 files read, 1 unchanged"
expect_eq "fwd documents after second run" "$docs" "$(total "$TMP/fwd")"
finish
