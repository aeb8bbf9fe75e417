#!/usr/bin/env bash
# A write that fails (a file size limit, a full disk) ends morgue-index with exit code 3 and a
# message naming the database and the cause; the database keeps exactly what was committed
# before, and the same command completes it once there is room.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/robustness_lib.sh"

python3 - "$TMP" <<'EOF'
import random, sys
rng = random.Random(11)
syllables = ["ba", "ro", "ki", "sel", "an", "tro", "mu", "den", "par", "os", "ve", "lin"]
vocab = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
                for _ in range(3000)})
def write(name, count):
    with open("%s/%s.jsonl" % (sys.argv[1], name), "w") as out:
        for i in range(count):
            words = " ".join(rng.choice(vocab) for _ in range(rng.randint(60, 120)))
            out.write('{"id":"%s-%04d","title":"%s %d","text":"%s","date":"2020-05-%02d"}\n'
                      % (name, i, name.capitalize(), i, words, i % 28 + 1))
    with open("%s/%s-ids" % (sys.argv[1], name), "w") as ids:
        ids.writelines("%s-%04d\n" % (name, i) for i in range(count))
write("first", 300)
write("second", 2500)
EOF
cat "$TMP/first-ids" "$TMP/second-ids" >"$TMP/all-ids"

# largest_kb DB: the size of the database's largest file, in KiB.
largest_kb() {
    du -k "$1"/*.glass | sort -n | tail -1 | cut -f1
}

# expect_write_failure WHAT DB CAUSE: the message of the run expect_code made last ($TMP/err).
expect_write_failure() {
    expect_contains "$1: names the database" "$TMP/err" "cannot write database '$2'"
    expect_contains "$1: says why" "$TMP/err" "write failed: $3"
    expect_contains "$1: says what is kept" "$TMP/err" "the database is intact as last committed"
    expect_contains "$1: says how to resume" "$TMP/err" "run the same command again to resume"
}

# limited KIB ARGS...: morgue-index ARGS with files limited to KIB KiB. Past the limit a write
# fails with EFBIG: the process must not die of SIGXFSZ (exit 153).
limited() {
    local kib=$1
    shift
    (ulimit -f "$kib" && exec "$MORGUE_INDEX" "$@")
}

# File size limit, with one writer: a database that holds documents is written in place.
DB="$TMP/db"
expect_code "first batch" 0 "$MORGUE_INDEX" -q -d "$DB" "$TMP/first.jsonl"
first_kb=$(largest_kb "$DB")
limit=$((first_kb + 2048))  # room for a few batches of 100, not for the whole dump
expect_code "second dump past the file size limit" 3 \
    limited "$limit" -q --batch-size 100000 -d "$DB" "$TMP/second.jsonl"
expect_write_failure "file size limit" "$DB" "File too large"
expect_database "after the failed run" "$DB" "$TMP/first-ids"

# In smaller batches, the batches finished before the failure are committed, whole, in input
# order, and nothing else.
expect_code "second dump in batches of 100" 3 \
    limited "$limit" -q --batch-size 100 -d "$DB" "$TMP/second.jsonl"
expect_write_failure "batches of 100" "$DB" "File too large"
committed=$(($(ids_of "$DB" | wc -l) - 300))
expect_eq "whole batches only ($committed documents of the second dump)" 0 $((committed % 100))
{ cat "$TMP/first-ids"; head -n "$committed" "$TMP/second-ids"; } >"$TMP/expected"
expect_database "after the failed batches" "$DB" "$TMP/expected"
echo "batches of 100: $committed documents of the second dump committed before the failure"

# --compact: the compacted copy (of the first batch and more) cannot be written under half the
# size of the first batch's largest file; the database is left as it was. (Xapian's compaction
# does not free its tables when a write fails: a sanitizer build is told that leak is not ours.)
echo "leak:libxapian.so" >"$TMP/leaks-of-xapian"
LSAN_OPTIONS="suppressions=$TMP/leaks-of-xapian" expect_code "--compact past the file size limit" \
    3 limited $((first_kb / 2)) -q --compact -d "$DB" "$TMP/first.jsonl"
expect_write_failure "--compact" "$DB" "File too large"
expect_database "after the failed compaction" "$DB" "$TMP/expected"

# Once there is room the same command completes the work, the second dump included.
expect_code "the same command with room" 0 \
    "$MORGUE_INDEX" -q --batch-size 100 -d "$DB" "$TMP/second.jsonl"
expect_database "after completing" "$DB" "$TMP/all-ids"

# A fresh database written on two threads: the segments beside it hit the limit. Nothing was
# committed; no segment is left behind.
expect_code "fresh database past the file size limit" 3 \
    limited 1024 -q -j2 -d "$TMP/fresh" "$TMP/second.jsonl"
expect_write_failure "segments" "$TMP/fresh" "File too large"
: >"$TMP/none"
expect_database "fresh database after the failure" "$TMP/fresh" "$TMP/none"
expect_code "fresh database with room" 0 "$MORGUE_INDEX" -q -j2 -d "$TMP/fresh" "$TMP/second.jsonl"
expect_database "fresh database completed" "$TMP/fresh" "$TMP/second-ids"

# A full disk: a small tmpfs, when this test may mount one (root, outside most containers).
SMALL="$TMP/small"
mkdir "$SMALL"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=3m morgue-test "$SMALL" 2>/dev/null; then
    echo "full disk half skipped: cannot mount a tmpfs here (needs root)"
    finish
    exit
fi
trap 'umount "$SMALL"; rm -rf "$TMP"' EXIT
# The segments of a fresh database are merged in by Xapian's compaction: when the disk fills
# during that merge, the same leak of Xapian's as with --compact above.
LSAN_OPTIONS="suppressions=$TMP/leaks-of-xapian" \
    expect_code "full disk: fresh database on two threads" 3 \
    "$MORGUE_INDEX" -q -j2 -d "$SMALL/fresh" "$TMP/second.jsonl"
expect_write_failure "full disk, segments" "$SMALL/fresh" "No space left on device"
expect_database "full disk: fresh database after the failure" "$SMALL/fresh" "$TMP/none"
rm -rf "$SMALL/fresh"
expect_code "full disk: first batch" 0 "$MORGUE_INDEX" -q -d "$SMALL/db" "$TMP/first.jsonl"
expect_code "full disk: second dump" 3 "$MORGUE_INDEX" -q -d "$SMALL/db" "$TMP/second.jsonl"
expect_write_failure "full disk" "$SMALL/db" "No space left on device"
expect_database "full disk: after the failed run" "$SMALL/db" "$TMP/first-ids"
mount -o remount,size=64m "$SMALL"
expect_code "full disk: the same command with room" 0 \
    "$MORGUE_INDEX" -q -d "$SMALL/db" "$TMP/second.jsonl"
expect_database "full disk: completed" "$SMALL/db" "$TMP/all-ids"
finish
