#!/usr/bin/env bash
# Every exit code of DESIGN.md's table that the two programs can produce.
. "$(dirname "$0")/lib.sh"
cd "$MORGUE_SOURCE_DIR"
DB="$TMP/db"
"$MORGUE_INDEX" -q -d "$DB" corpus 2>/dev/null

# morgue-search
expect_code "search: results" 0 "$MORGUE_SEARCH" -d "$DB" harbour
expect_code "search: no results" 1 "$MORGUE_SEARCH" -d "$DB" Rittenhouse
expect_code "search: bad option value" 2 "$MORGUE_SEARCH" -d "$DB" --sort sideways harbour
expect_code "search: unknown option" 2 "$MORGUE_SEARCH" -d "$DB" --colour never harbour
expect_code "search: malformed date" 2 "$MORGUE_SEARCH" -d "$DB" "date:2022-13"
expect_contains "malformed date message" "$TMP/err" '"2022-13"'
expect_code "search: malformed --since" 2 "$MORGUE_SEARCH" -d "$DB" --since yesterdayish harbour
expect_code "search: unknown field" 2 "$MORGUE_SEARCH" -d "$DB" "colour:red harbour"
expect_contains "unknown field message" "$TMP/err" "unknown field 'colour:' at column 1"
expect_code "search: wildcard past the limit" 2 "$MORGUE_SEARCH" -d "$DB" --wildcard-limit 2 "s*"
expect_contains "wildcard message" "$TMP/err" "wildcard matches more than 2 words"
expect_code "search: no database given" 2 "$MORGUE_SEARCH" harbour
expect_code "search: missing database" 3 "$MORGUE_SEARCH" -d "$TMP/nowhere" harbour
expect_contains "missing database message" "$TMP/err" "no database at '$TMP/nowhere'"
MORGUE_DB="$DB" expect_code "search: MORGUE_DB" 0 "$MORGUE_SEARCH" harbour
expect_code "search: help" 0 "$MORGUE_SEARCH" --help
expect_code "search: unbalanced quote is lenient" 0 "$MORGUE_SEARCH" -d "$DB" '"harbour board'
expect_contains "unbalanced quote warning" "$TMP/err" "warning: unbalanced quote"

cp -r "$DB" "$TMP/corrupt"
for f in "$TMP"/corrupt/*.glass; do printf 'garbage' >"$f"; done
expect_code "search: corrupt database" 3 "$MORGUE_SEARCH" -d "$TMP/corrupt" harbour

cp -r "$DB" "$TMP/newer"
xapian-metadata set "$TMP/newer" morgue:schema_version 99
expect_code "search: newer schema" 3 "$MORGUE_SEARCH" -d "$TMP/newer" harbour
expect_contains "newer schema message" "$TMP/err" "schema version 99, newer than this morgue's 1"
cp -r "$DB" "$TMP/garbled"
xapian-metadata set "$TMP/garbled" morgue:schema_version 1x
expect_code "search: unreadable schema version" 3 "$MORGUE_SEARCH" -d "$TMP/garbled" harbour
expect_contains "unreadable schema message" "$TMP/err" "has an unreadable schema version '1x' (this morgue's is 1)"
expect_code "index: unreadable schema version" 3 "$MORGUE_INDEX" -d "$TMP/garbled" corpus/notes
expect_contains "index: unreadable schema message" "$TMP/err" "has an unreadable schema version '1x'"

# morgue-index
expect_code "index: finished" 0 "$MORGUE_INDEX" -d "$TMP/db2" corpus/notes
expect_code "index: skipped records are not fatal" 0 "$MORGUE_INDEX" -d "$TMP/db3" corpus/feeds
expect_code "index: --strict with skipped records" 1 "$MORGUE_INDEX" --strict -d "$TMP/db4" corpus/feeds
expect_code "index: --strict without skipped records" 0 "$MORGUE_INDEX" --strict -d "$TMP/db5" corpus/notes
expect_code "index: no inputs" 2 "$MORGUE_INDEX" -d "$TMP/db6"
expect_code "index: unreadable input path" 2 "$MORGUE_INDEX" -d "$TMP/db6" "$TMP/missing.jsonl"
expect_contains "unreadable input message" "$TMP/err" "cannot read input '$TMP/missing.jsonl'"
expect_code "index: bad --format" 2 "$MORGUE_INDEX" -d "$TMP/db6" --format docx corpus
expect_code "index: bad --map" 2 "$MORGUE_INDEX" -d "$TMP/db6" --map colour=x corpus/notes
expect_code "index: bad --tz" 2 "$MORGUE_INDEX" -d "$TMP/db6" --tz Mars/Olympus corpus/notes
expect_code "index: newer schema" 3 "$MORGUE_INDEX" -d "$TMP/newer" corpus/notes
expect_code "index: not a morgue database" 3 "$MORGUE_INDEX" -d "$TMP/corrupt" corpus/notes

# A writer holds the lock while it waits for standard input.
mkfifo "$TMP/fifo"
"$MORGUE_INDEX" -q -d "$TMP/locked" - <"$TMP/fifo" 2>/dev/null &
holder=$!
exec 3>"$TMP/fifo"
for _ in $(seq 50); do [ -e "$TMP/locked/flintlock" ] && break; sleep 0.1; done
expect_code "index: locked by another writer" 3 "$MORGUE_INDEX" -d "$TMP/locked" corpus/notes
expect_contains "locked message" "$TMP/err" "is locked by another writer"
# --wait waits for the holder instead, says so, and then indexes.
"$MORGUE_INDEX" -d "$TMP/locked" --wait corpus/notes 2>"$TMP/wait-err" 3>&- &
waiter=$!
for _ in $(seq 50); do grep -q "waiting for it to finish" "$TMP/wait-err" && break; sleep 0.1; done
expect_contains "waiting message" "$TMP/wait-err" "is locked by another writer; waiting for it to finish"
expect_eq "still waiting while the lock is held" 0 "$(kill -0 "$waiter" 2>/dev/null; echo $?)"
exec 3>&-
wait "$holder"
wait "$waiter"
expect_eq "--wait indexes once the lock is free" 0 "$?"
expect_eq "--wait indexed the notes" "$(ls corpus/notes | wc -l | tr -d ' ')" \
    "$("$MORGUE_SEARCH" -d "$TMP/locked" --format ids '*' | wc -l | tr -d ' ')"

# Ctrl-C commits what is done and says how to resume.
(for i in $(seq 1 60); do
    printf '{"id":"r%d","title":"Record %d","text":"Slow feed %d"}\n' "$i" "$i" "$i"
    sleep 0.05
done) | "$MORGUE_INDEX" -d "$TMP/interrupted" --format jsonl - >"$TMP/out" 2>"$TMP/err" &
writer=$!
sleep 1
kill -INT "$writer"
wait "$writer"
expect_eq "index: interrupted exit code" 130 "$?"
expect_contains "interrupted message" "$TMP/err" "Run the same command again to resume"
count=$("$MORGUE_SEARCH" -d "$TMP/interrupted" --format ids --limit 1000 '*' | wc -l)
if [ "$count" -gt 0 ] && [ "$count" -lt 60 ]; then pass; else fail "interrupted run kept $count documents"; fi
finish
