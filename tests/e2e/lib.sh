# Shared by the end-to-end tests: temporary folder, assertions, counters.
set -u
: "${MORGUE_INDEX:?set by CTest}" "${MORGUE_SEARCH:?set by CTest}" "${MORGUE_SOURCE_DIR:?}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC
unset MORGUE_DB
passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

# expect_eq WHAT EXPECTED ACTUAL
expect_eq() {
    if [ "$2" == "$3" ]; then pass; else fail "$1: expected [$2], got [$3]"; fi
}

# expect_code WHAT EXPECTED_CODE COMMAND...
expect_code() {
    local what=$1 want=$2
    shift 2
    "$@" >"$TMP/out" 2>"$TMP/err"
    local got=$?
    if [ "$got" == "$want" ]; then pass; else fail "$what: exit $got, expected $want; stderr: $(head -c 400 "$TMP/err")"; fi
}

# expect_contains WHAT FILE TEXT
expect_contains() {
    if grep -qF -- "$3" "$2"; then pass; else fail "$1: '$3' not in $(head -c 600 "$2")"; fi
}

finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
