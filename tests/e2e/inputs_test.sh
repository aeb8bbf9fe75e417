#!/usr/bin/env bash
# Input handling through the real indexer: compression and archives, stdin, directories,
# dialects, ids of one-article-per-file inputs, re-runs, deletion, broken files.
. "$(dirname "$0")/lib.sh"
cd "$MORGUE_SOURCE_DIR"

ids() { "$MORGUE_SEARCH" -d "$1" --format ids --sort oldest --limit 100000 '*' 2>/dev/null; }
count() { ids "$1" | wc -l | tr -d ' '; }

# Compressed single streams and archives are read in place.
mkdir -p "$TMP/packed"
for tool in gzip bzip2 xz zstd; do
    "$tool" -c corpus/wire/ukraine-feed.jsonl >"$TMP/packed/feed.jsonl.$tool"
done
python3 - "$TMP/packed" <<'PY'
import sys, tarfile, zipfile
out = sys.argv[1]
with tarfile.open(out + "/notes.tar.gz", "w:gz") as t:
    t.add("corpus/notes", arcname="notes")
    t.add("corpus/exports/desk.csv", arcname="exports/desk.csv")
with zipfile.ZipFile(out + "/feeds.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.write("corpus/feeds/briefs.json", "feeds/briefs.json")
    z.write("corpus/letters/editor-letter.json", "letters/editor-letter.json")
PY
for tool in gzip bzip2 xz zstd; do
    "$MORGUE_INDEX" -q -d "$TMP/db-$tool" "$TMP/packed/feed.jsonl.$tool" 2>/dev/null
    expect_eq "$tool stream" 4 "$(count "$TMP/db-$tool")"
done
"$MORGUE_INDEX" -d "$TMP/db-tar" "$TMP/packed/notes.tar.gz" 2>"$TMP/err"
expect_eq "tar.gz members" 4 "$(count "$TMP/db-tar")"
expect_contains "tar member id" <(ids "$TMP/db-tar") "notes.tar.gz:notes/harbour-dredging.txt"
"$MORGUE_INDEX" -d "$TMP/db-zip" "$TMP/packed/feeds.zip" 2>"$TMP/err"
expect_eq "zip members" 3 "$(count "$TMP/db-zip")"
expect_contains "zip member named in warnings" "$TMP/err" "feeds.zip:feeds/briefs.json:3: element 3 is not a JSON object"

# A truncated .gz: a clear message, the records before the damage are kept.
for i in $(seq 1 20000); do printf '{"id":"t%d","title":"Truncated %d","text":"Body of record %d"}\n' "$i" "$i" "$i"; done | gzip -c >"$TMP/full.jsonl.gz"
head -c $(($(stat -c %s "$TMP/full.jsonl.gz") / 2)) "$TMP/full.jsonl.gz" >"$TMP/cut.jsonl.gz"
expect_code "truncated gz is not fatal" 0 "$MORGUE_INDEX" -d "$TMP/db-cut" "$TMP/cut.jsonl.gz"
expect_contains "truncated gz message" "$TMP/err" "cut.jsonl.gz: "
kept=$(count "$TMP/db-cut")
if [ "$kept" -gt 5000 ] && [ "$kept" -lt 20000 ]; then pass; else fail "truncated gz kept $kept records"; fi

# Standard input, plain and compressed.
"$MORGUE_INDEX" -q -d "$TMP/db-stdin" - <corpus/wire/ukraine-feed.jsonl 2>/dev/null
expect_eq "stdin" 4 "$(count "$TMP/db-stdin")"
gzip -c corpus/wire/ukraine-feed.jsonl | "$MORGUE_INDEX" -q -d "$TMP/db-stdin-gz" - 2>/dev/null
expect_eq "gzipped stdin" 4 "$(count "$TMP/db-stdin-gz")"

# One-article-per-file ids: the input folder's own name plus the path below it.
mkdir -p "$TMP/news/bbc/sport" "$TMP/news/bbc/tech"
cp corpus/notes/harbour-dredging.txt "$TMP/news/bbc/sport/001.txt"
printf 'Chip shortage eases\n\nSupplies of chips improved in the spring.\n' >"$TMP/news/bbc/tech/001.txt"
(cd "$TMP/news" && "$MORGUE_INDEX" -q -d "$TMP/db-ids" bbc/sport 2>/dev/null)
expect_eq "file id from folder name" "sport/001.txt" "$(ids "$TMP/db-ids")"
(cd / && "$MORGUE_INDEX" -q -d "$TMP/db-ids2" "$TMP/news/bbc/" 2>/dev/null)
expect_eq "file ids below a folder" "bbc/sport/001.txt
bbc/tech/001.txt" "$(ids "$TMP/db-ids2")"

# Unchanged files are not re-read; --force re-reads them; a changed file is re-read.
"$MORGUE_INDEX" -d "$TMP/db-ids2" "$TMP/news/bbc" 2>"$TMP/err"
expect_contains "unchanged files skipped" "$TMP/err" "0 added, 0 replaced, 0 skipped, 0 undated; 0 files read, 2 unchanged"
"$MORGUE_INDEX" --force -d "$TMP/db-ids2" "$TMP/news/bbc" 2>"$TMP/err"
expect_contains "--force re-reads" "$TMP/err" "0 added, 2 replaced, 0 skipped, 2 undated; 2 files read, 0 unchanged"
printf 'Chip shortage ends\n\nSupplies are back to normal.\n' >"$TMP/news/bbc/tech/001.txt"
touch -d '2030-01-01' "$TMP/news/bbc/tech/001.txt"
"$MORGUE_INDEX" -d "$TMP/db-ids2" "$TMP/news/bbc" 2>"$TMP/err"
expect_contains "changed file re-read" "$TMP/err" "0 added, 1 replaced, 0 skipped, 1 undated; 1 files read, 1 unchanged"
expect_eq "replaced title" "bbc/tech/001.txt" "$("$MORGUE_SEARCH" -d "$TMP/db-ids2" --format ids 'title:ends')"

# --delete removes by id and reports unknown ids.
"$MORGUE_INDEX" -d "$TMP/db-ids2" --delete bbc/tech/001.txt --delete no/such/id 2>"$TMP/err"
expect_eq "after delete" "bbc/sport/001.txt" "$(ids "$TMP/db-ids2")"
expect_contains "unknown id reported" "$TMP/err" "no document with id 'no/such/id'"

# Directories: stable order, hidden entries left out, binary and empty files reported,
# symlink loops not followed, names with spaces and non-ASCII characters.
mkdir -p "$TMP/tree/sub" "$TMP/tree/.hidden"
printf 'Hidden story\n\nNot indexed.\n' >"$TMP/tree/.hidden/a.txt"
printf 'Zürich trams\n\nTrams in Zürich run late.\n' >"$TMP/tree/sub/zürich news.txt"
head -c 3000 /dev/urandom | tr -d '\n' >"$TMP/tree/blob.bin"; printf '\0\0' >>"$TMP/tree/blob.bin"
: >"$TMP/tree/empty.txt"
ln -s .. "$TMP/tree/sub/loop"
"$MORGUE_INDEX" -d "$TMP/db-tree" "$TMP/tree" 2>"$TMP/err"
expect_eq "tree ids" "tree/sub/zürich news.txt" "$(ids "$TMP/db-tree")"
expect_contains "binary file reported" "$TMP/err" "blob.bin: not a format morgue reads"
expect_contains "empty file reported" "$TMP/err" "empty.txt: empty file"
expect_contains "loop reported" "$TMP/err" "directory loop"

# Several databases (-d repeated) are searched as one.
"$MORGUE_INDEX" -q -d "$TMP/db-wire" corpus/wire 2>/dev/null
"$MORGUE_INDEX" -q -d "$TMP/db-exports" corpus/exports 2>/dev/null
"$MORGUE_INDEX" -q -d "$TMP/db-both" corpus/wire corpus/exports 2>/dev/null
both=$("$MORGUE_SEARCH" -d "$TMP/db-both" --format csv harbour OR tram OR ukraine)
expect_eq "two databases rank as one" "$both" \
    "$("$MORGUE_SEARCH" -d "$TMP/db-wire" -d "$TMP/db-exports" --format csv harbour OR tram OR ukraine)"
expect_eq "two databases hold all" 11 "$("$MORGUE_SEARCH" -d "$TMP/db-wire" -d "$TMP/db-exports" --format ids --limit 50 '*' | wc -l | tr -d ' ')"

# Text that is not UTF-8 is read as Windows-1252, and the summary counts each such record.
printf 'Caf\xe9 owners protest\n\nThe caf\xe9 owners of the old town protested.\n' >"$TMP/latin.txt"
printf '{"id":"l2","title":"Na\xefve \x93quotes\x94","text":"plain"}\n{"id":"u","title":"Fine","text":"ok"}\n' >"$TMP/latin.jsonl"
"$MORGUE_INDEX" -d "$TMP/db-latin" "$TMP/latin.txt" "$TMP/latin.jsonl" 2>"$TMP/err"
expect_contains "fallback counted" "$TMP/err" "noted 2: not UTF-8, read as Windows-1252 ($TMP/latin.txt, $TMP/latin.jsonl:1)"
expect_eq "fallback text searchable" latin.txt "$("$MORGUE_SEARCH" -d "$TMP/db-latin" --format ids 'café')"
expect_eq "cp1252 quotes" 'Naïve “quotes”' "$("$MORGUE_SEARCH" -d "$TMP/db-latin" --format csv --fields title id:l2 | tail -1)"

# Entity lists a record carries are kept, canonicalised like extracted ones.
printf '%s\n' '{"id":"own-1","title":"Rates","text":"The committee met on Tuesday.","people":["Janet Yellen"],"places":[{"name":"U.S."}],"organizations":"Federal Reserve"}' >"$TMP/own.jsonl"
"$MORGUE_INDEX" -q -d "$TMP/db-own" "$TMP/own.jsonl" 2>/dev/null
expect_eq "record's own person" own-1 "$("$MORGUE_SEARCH" -d "$TMP/db-own" --format ids 'person:"janet yellen"')"
expect_eq "record's own place, canonical" own-1 "$("$MORGUE_SEARCH" -d "$TMP/db-own" --format ids 'place:"United States"')"
expect_eq "record's own organisation" own-1 "$("$MORGUE_SEARCH" -d "$TMP/db-own" --format ids 'org:"federal reserve"')"
"$MORGUE_INDEX" --dry-run --no-entities "$TMP/own.jsonl" 2>/dev/null >"$TMP/own.json"
expect_eq "dry-run lists them with their mentions" '{"person":[{"name":"Janet Yellen","mentions":["Janet Yellen"]}],"org":[{"name":"Federal Reserve","mentions":["Federal Reserve"]}],"place":[{"name":"United States","mentions":["U.S."]}]}' \
    "$(python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["entities"], separators=(",", ":")))' "$TMP/own.json")"

# CSV dialects: no header with --columns, a semicolon file, a custom quote, --map.
printf 'Alpha story;Alpha body text here;2023-01-05\nBeta story;Beta body text here;2023-01-06\n' >"$TMP/plain.csv"
"$MORGUE_INDEX" -q -d "$TMP/db-csv" --no-header --columns title,text,date --delimiter ';' "$TMP/plain.csv" 2>/dev/null
expect_eq "no-header csv" 2 "$(count "$TMP/db-csv")"
expect_eq "no-header csv dates" "1" "$("$MORGUE_SEARCH" -d "$TMP/db-csv" --format ids date:2023-01-06 | wc -l | tr -d ' ')"
printf "head|story\n'Gamma|pipe'|Gamma body\n" >"$TMP/pipes.csv"
"$MORGUE_INDEX" -q -d "$TMP/db-pipe" --delimiter '|' --quote "'" --map title=head --map body=story "$TMP/pipes.csv" 2>/dev/null
expect_eq "custom quote and map" "Gamma|pipe" "$("$MORGUE_SEARCH" -d "$TMP/db-pipe" --format csv '*' | sed -n 2p | cut -d, -f6)"
# --compact swaps a compacted copy in: same articles, same answers, nothing left beside it.
"$MORGUE_INDEX" -q -d "$TMP/db-plain" corpus 2>/dev/null
"$MORGUE_INDEX" -d "$TMP/db-compact" --compact corpus 2>"$TMP/err"
expect_contains "compaction reported" "$TMP/err" "morgue-index: compacted: "
expect_eq "compacted database checks" 0 "$(xapian-check "$TMP/db-compact" >/dev/null 2>&1; echo $?)"
expect_eq "compacted answers" "$(ids "$TMP/db-plain" | tr '\n' ' ')" "$(ids "$TMP/db-compact" | tr '\n' ' ')"
expect_eq "compacted ranking" "$("$MORGUE_SEARCH" -d "$TMP/db-plain" --format ids harbour ferry)" \
    "$("$MORGUE_SEARCH" -d "$TMP/db-compact" --format ids harbour ferry)"
expect_eq "nothing beside the database" "" "$(ls -A "$TMP" | grep -F '.db-compact.')"
"$MORGUE_INDEX" -q -d "$TMP/db-compact" --force corpus/wire 2>/dev/null
expect_eq "compacted database takes updates" "$(count "$TMP/db-plain")" "$(count "$TMP/db-compact")"
finish
