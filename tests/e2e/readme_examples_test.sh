#!/usr/bin/env bash
# Runs the examples marked "<!-- example: NAME -->" in the README, as a reader would, against a
# database of corpus/, and checks what they print.
. "$(dirname "$0")/lib.sh"
cd "$MORGUE_SOURCE_DIR"
"$MORGUE_INDEX" -q -d "$TMP/db" corpus 2>/dev/null
export MORGUE_DB="$TMP/db"
mkdir -p "$TMP/bin"
ln -s "$MORGUE_SEARCH" "$TMP/bin/morgue-search"
export PATH="$TMP/bin:$PATH"

# example NAME: the code block that follows the marker.
example() {
    awk -v marker="<!-- example: $1 -->" '
        $0 == marker { found = 1; next }
        found && /^```/ { if (inside) exit; inside = 1; next }
        inside { print }' README.md
}

example jq >"$TMP/jq.sh"
expect_eq "jq example found" 1 "$(grep -c 'jq -r' "$TMP/jq.sh")"
bash "$TMP/jq.sh" >"$TMP/jq.out" 2>"$TMP/jq.err"
expect_eq "jq example output" "$(printf '4\tcoastal courier\n1\tcapital-metro-news.example')" \
    "$(head -2 "$TMP/jq.out")"

example python >"$TMP/example.py"
expect_eq "python example found" 1 "$(grep -c 'subprocess.run' "$TMP/example.py")"
python3 "$TMP/example.py" >"$TMP/py.out" 2>"$TMP/py.err"
expect_eq "python example output" "shelling 3 ['Families shelter in basements as Donetsk shelling intensifies', 'Shelling near Donetsk forces families into basements', 'Amid increased shelling in Eastern Ukraine Monday, French President Emmanuel Macron was intensifying efforts to compel…']
tram 1 ['Council approves tram extension, after decade of delays']" "$(cat "$TMP/py.out")"
finish
