# Shared by the robustness tests (crash, disk_full, concurrent), after lib.sh.
if ! command -v xapian-check >/dev/null || ! command -v jq >/dev/null; then
    echo "skipped: needs xapian-check (Debian package xapian-tools) and jq"
    exit 77
fi

now_ms() { echo $(($(date +%s%N) / 1000000)); }
sleep_ms() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }

# expect_lines WHAT EXPECTED_FILE ACTUAL_FILE: the same lines; shows the first differences.
expect_lines() {
    if cmp -s "$2" "$3"; then pass; else
        fail "$1: $(wc -l <"$2") lines expected, $(wc -l <"$3") got; first differences:
$(diff "$2" "$3" | head -6)"
    fi
}

# ids_of DB: the ids of every document, one a line, sorted (duplicates kept).
ids_of() {
    "$MORGUE_SEARCH" -d "$1" --format ids --limit 100000 '' 2>/dev/null | sort
}

# work_folders DB: the work folders beside the database (".NAME.segments-PID" and the like).
work_folders() {
    find "$(dirname "$1")" -maxdepth 1 -name ".$(basename "$1").*" | sort
}

# expect_database WHAT DB IDS_FILE: the database checks clean, holds exactly the ids of
# IDS_FILE (sorted), each once, searches with the exit code that goes with that, and has no
# work folders left beside it.
expect_database() {
    local what=$1 db=$2 ids=$3
    expect_code "$what: xapian-check" 0 xapian-check "$db"
    ids_of "$db" >"$TMP/ids-now"
    expect_lines "$what: the documents" "$ids" "$TMP/ids-now"
    expect_eq "$what: exact total" "$(wc -l <"$ids") true" "$("$MORGUE_SEARCH" -d "$db" \
        --format json --limit 0 '' 2>/dev/null | jq -r '"\(.total.estimate) \(.total.exact)"')"
    expect_code "$what: search exit code" "$([ -s "$ids" ] && echo 0 || echo 1)" \
        "$MORGUE_SEARCH" -d "$db" ''
    expect_eq "$what: no work folders left beside the database" "" "$(work_folders "$db")"
}
