#!/usr/bin/env bash
# kill -9 at any moment of an indexing run: the database still opens, checks clean and answers
# searches, and what it holds never shrinks from one kill to the next; the same command run
# again completes it, with every id exactly once and the last copy of a repeated id winning,
# and leaves no work folder beside the database.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/robustness_lib.sh"

# a.jsonl holds new ids only, so a fresh database writes it in segments on several threads
# and merges them in; b.jsonl mixes new ids with further copies of earlier ids, the first of
# which ends the segments (a merge): one writer goes on, committing every --batch-size.
# Sanitizer builds run some three times slower: smaller files keep the test's time in bounds.
sizes=(1500 600)
[ "${MORGUE_SANITIZED:-0}" = 1 ] && sizes=(800 300)
python3 - "$TMP" "${sizes[@]}" <<'EOF'
import random, sys
new_a, new_b = int(sys.argv[2]), int(sys.argv[3])
total = new_a + new_b
rng = random.Random(7)
syllables = ["ka", "lo", "mi", "ter", "an", "dro", "vel", "sun", "par", "is", "ne", "gor", "tu"]
vocab = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
                for _ in range(3000)})
def line(i, copy):
    words = " ".join(rng.choice(vocab) for _ in range(rng.randint(40, 90)))
    title = " ".join(rng.choice(vocab) for _ in range(4)).capitalize()
    return ('{"id":"doc-%d","title":"%s copy %d","text":"dispatch %s","date":"2021-%02d-%02d",'
            '"source":"wire%d"}\n' % (i, title, copy, words, i % 12 + 1, i % 28 + 1, i % 5))
with open(sys.argv[1] + "/a.jsonl", "w") as a:
    for i in range(new_a):
        a.write(line(i, 1))
copies = {i: 1 for i in range(total)}
with open(sys.argv[1] + "/b.jsonl", "w") as b:
    for i in range(new_a, total):
        b.write(line(i, 1))
        if i % 3 == 0:
            j = rng.randrange(new_a + (i - new_a) // 2) if i % 2 else rng.randrange(40)
            copies[j] += 1
            b.write(line(j, copies[j]))
with open(sys.argv[1] + "/expected-copies", "w") as out:
    out.writelines("doc-%d copy %d\n" % (i, copies[i])
                   for i in sorted(copies, key=lambda i: "doc-%d" % i))
with open(sys.argv[1] + "/expected-ids", "w") as ids:
    ids.writelines("doc-%d\n" % i for i in sorted(range(total), key=lambda i: "doc-%d" % i))
EOF
# The command every run repeats: several commits of b.jsonl once the segments are merged.
COMMAND=(-q --batch-size 250)
INPUTS=("$TMP/a.jsonl" "$TMP/b.jsonl")

# copies_of DB: "ID copy N" for every document, sorted: which copy of each id it holds.
copies_of() {
    "$MORGUE_SEARCH" -d "$1" --format jsonl --limit 100000 '' 2>/dev/null |
        jq -r '"\(.id) \(.title)"' | sed 's/ .* copy / copy /' | sort
}

# check_killed WHAT DB: the state a killed run left. The committed documents never shrink
# (last_count is what the previous kill of the same database left).
last_count=0
check_killed() {
    local what=$1 db=$2
    if [ ! -f "$db/iamglass" ]; then
        # Killed before the database was created: there is nothing to open yet.
        expect_code "$what: no database yet" 3 "$MORGUE_SEARCH" -d "$db" ''
        return
    fi
    expect_code "$what: xapian-check" 0 xapian-check "$db"
    ids_of "$db" >"$TMP/ids"
    local count code
    count=$(wc -l <"$TMP/ids")
    "$MORGUE_SEARCH" -d "$db" --count dispatch >"$TMP/count" 2>"$TMP/err"
    code=$?
    expect_eq "$what: search exit code ($(head -c 200 "$TMP/err"))" \
        "$([ "$count" -gt 0 ] && echo 0 || echo 1)" "$code"
    expect_eq "$what: every document matches" "$count" "$(cat "$TMP/count")"
    expect_eq "$what: no id twice" "$count" "$(sort -u "$TMP/ids" | wc -l)"
    expect_eq "$what: only known ids" "" "$(comm -23 "$TMP/ids" "$TMP/expected-ids" | head -3)"
    if [ "$count" -ge "$last_count" ]; then pass; else
        fail "$what: committed documents went from $last_count down to $count"
    fi
    last_count=$count
    echo "$what: $count documents committed, $(work_folders "$db" | wc -l) work folders left"
}

# check_complete WHAT DB: the same command, not killed, finishes the work.
check_complete() {
    local what=$1 db=$2
    expect_code "$what: the same command completes" 0 \
        "$MORGUE_INDEX" "${COMMAND[@]}" -d "$db" "${INPUTS[@]}"
    expect_database "$what" "$db" "$TMP/expected-ids"
    copies_of "$db" >"$TMP/copies"
    expect_lines "$what: the last copy of each id won" "$TMP/expected-copies" "$TMP/copies"
}

# start_run DB ARGS...: the command on DB in the background; its pid in $pid.
start_run() {
    local db=$1
    shift
    "$MORGUE_INDEX" "${COMMAND[@]}" "$@" -d "$db" "${INPUTS[@]}" 2>/dev/null &
    pid=$!
}

kill_run() {
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
}

# An uninterrupted run: the reference, and how long a whole run takes here.
start=$(now_ms)
expect_code "reference run" 0 "$MORGUE_INDEX" "${COMMAND[@]}" -d "$TMP/ref" "${INPUTS[@]}"
full_ms=$(($(now_ms) - start))
expect_database "reference run" "$TMP/ref" "$TMP/expected-ids"
copies_of "$TMP/ref" >"$TMP/copies"
expect_lines "reference run: the last copies" "$TMP/expected-copies" "$TMP/copies"

# Ten kills of one database at moments spread over a whole run, each run resuming what the
# last one committed; every other run with one thread (one writer, no segments). Work folders
# a kill leaves are removed by the next run that gets as far as opening the database.
for k in 1 2 3 4 5 6 7 8 9 10; do
    threads=()
    [ $((k % 2)) -eq 1 ] && threads=(-j1)
    start_run "$TMP/db" "${threads[@]}"
    sleep_ms $((full_ms * k / 12))
    kill_run
    check_killed "kill $k (${threads[*]:-default threads}, $((k * 100 / 12))% into a run)" "$TMP/db"
done
check_complete "after ten kills" "$TMP/db"

# A kill while the segments are merged into a fresh database (once the compacted copy exists
# beside it; -j2 writes segments even where one processor is all there is).
last_count=0
start_run "$TMP/merged" -j2
while kill -0 "$pid" 2>/dev/null && [ ! -d "$TMP/.merged.compacted-$pid" ]; do sleep 0.01; done
kill_run
check_killed "kill once the merge began" "$TMP/merged"
check_complete "after a kill during the merge" "$TMP/merged"
if [ "$last_count" -eq 0 ]; then
    # Nothing was merged in, so the run that completed it wrote everything, as the reference
    # run did: the spelling data must be the same too, not counted twice for the segments.
    # (xapian-compact writes the same table for the same words and frequencies.)
    xapian-compact "$TMP/ref" "$TMP/ref-compact" >/dev/null
    xapian-compact "$TMP/merged" "$TMP/merged-compact" >/dev/null
    if cmp -s "$TMP/ref-compact/spelling.glass" "$TMP/merged-compact/spelling.glass"; then pass
    else fail "after a kill during the merge: spelling data differs from the reference run's"; fi
fi

# A kill while one writer goes on after the merge, committing b.jsonl batch by batch.
last_count=0
start_run "$TMP/after" -j2
while kill -0 "$pid" 2>/dev/null && [ ! -d "$TMP/.after.compacted-$pid" ]; do sleep 0.01; done
while kill -0 "$pid" 2>/dev/null && [ -d "$TMP/.after.compacted-$pid" ]; do sleep 0.01; done
sleep_ms $((full_ms / 10))
kill_run
check_killed "kill while one writer goes on after the merge" "$TMP/after"
check_complete "after a kill after the merge" "$TMP/after"
echo "a whole run took ${full_ms} ms"
finish
