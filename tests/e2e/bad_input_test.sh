#!/usr/bin/env bash
# Messy and hostile input through the real programs: each case gets a clear message naming
# the file (and line), the run goes on, and what was indexed before is kept.
. "$(dirname "$0")/lib.sh"
cd "$MORGUE_SOURCE_DIR"

ids() { "$MORGUE_SEARCH" -d "$1" --format ids --sort oldest --limit 100000 '*' 2>/dev/null; }
count() { ids "$1" | wc -l | tr -d ' '; }
# Peak resident memory of a command, in MiB (its exit code is kept in $TMP/rc).
peak_mib() {
    python3 - "$@" <<'PY'
import resource, subprocess, sys
with open(sys.argv[1] + "/rc", "w") as rc, open(sys.argv[1] + "/err", "w") as err:
    rc.write(str(subprocess.call(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=err)))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
PY
}

IN="$TMP/in"
mkdir -p "$IN"
# Invalid UTF-8, a NUL and a raw tab inside JSON strings: read, with notes.
printf '{"id":"u1","title":"Caf\xe9 \xff","text":"nul \x00 and\ttab harbour"}\n' >"$IN/utf8.jsonl"
# A broken line in the middle of a dump; the records around it are indexed.
printf '%s\n' '{"id":"b1","title":"First","text":"harbour one"}' '{"id":"b2","title":"Broken",' \
    '{"id":"b3","title":"Third","text":"harbour three"}' >"$IN/broken.jsonl"
# A record nested far deeper than any article, then a good one.
python3 -c 'print("{\"id\":\"n1\",\"deep\":" + "[" * 100000 + "]" * 100000 + "}")
print("{\"id\":\"n2\",\"title\":\"Shallow\",\"text\":\"harbour\"}")' >"$IN/nested.jsonl"
: >"$IN/empty.txt"
# Binary data, whatever its name says.
python3 -c 'import random, sys; random.seed(7); sys.stdout.buffer.write(bytes(random.randrange(256) for _ in range(8192)))' >"$IN/photo.jpg"
cp "$IN/photo.jpg" "$IN/notes.txt"
# Unreadable entries: a dangling link, a FIFO (opening it would wait for ever), a file without
# read permission (root reads it anyway).
ln -s "$TMP/nowhere" "$IN/dangling.jsonl"
mkfifo "$IN/pipe.jsonl"
printf '{"id":"p1","title":"Private","text":"harbour"}\n' >"$IN/private.jsonl"
chmod 000 "$IN/private.jsonl"
# Symbolic link loops: a folder that leads back up, a link to itself.
mkdir "$IN/sub"
ln -s .. "$IN/sub/up"
ln -s self "$IN/self"
# Odd file names.
printf 'Spaces and accents\n\nharbour\n' >"$IN/name with spaces ünï.txt"
printf 'Leading dash\n\nharbour\n' >"$IN/-dash 'quoted'.txt"
# Ragged CSV rows.
printf 'id,title,text\nc1,Ragged,harbour one\nc2,Too,many,cells,here\nc3\nc4,Fine,harbour four\n' >"$IN/ragged.csv"
# A date in the year 99999.
printf '{"id":"y1","title":"Far future","text":"harbour","date":"99999-01-01"}\n' >"$IN/year.jsonl"

# What is already in the database stays there.
"$MORGUE_INDEX" -q -d "$TMP/db" corpus/notes 2>/dev/null
notes=$(ls corpus/notes | wc -l | tr -d ' ')
expect_code "bad inputs are not fatal" 0 "$MORGUE_INDEX" -d "$TMP/db" "$IN"
E="$TMP/err"
cp "$E" "$TMP/bad-err"
expect_contains "control characters" "$E" "utf8.jsonl:1: control characters in JSON strings read as spaces"
expect_contains "invalid UTF-8" "$E" "utf8.jsonl:1: text is not UTF-8; read as Windows-1252"
expect_contains "broken line named" "$E" "broken.jsonl:2: invalid JSON ("
expect_contains "deep nesting named" "$E" "nested.jsonl:1: invalid JSON (DEPTH_ERROR"
expect_contains "empty file" "$E" "empty.txt: empty file; skipped"
expect_contains "binary file" "$E" "photo.jpg: not a format morgue reads (binary or unknown content)"
expect_contains "binary file named .txt" "$E" "notes.txt: not a format morgue reads"
expect_contains "dangling link" "$E" "dangling.jsonl: cannot read (No such file or directory); skipped"
expect_contains "FIFO" "$E" "pipe.jsonl: not a regular file (a pipe, socket or device); skipped"
expect_contains "folder loop" "$E" "sub/up: directory loop"
expect_contains "link loop" "$E" "self: cannot read (Too many levels of symbolic links); skipped"
expect_contains "ragged long row" "$E" "ragged.csv:3: 5 fields where the header has 3; extra values ignored"
expect_contains "ragged short row" "$E" "ragged.csv:4: 1 field where the header has 3; record kept"
expect_contains "year 99999" "$E" "year.jsonl:1: unreadable date \"99999-01-01\"; article indexed without a date"
expect_contains "summary of skipped" "$E" "skipped 2: invalid JSON"

private=p1
if [ "$(id -u)" -ne 0 ]; then
    expect_contains "unreadable file" "$E" "private.jsonl: cannot open: Permission denied"
    private=
fi
want=$(printf '%s\n' b1 b3 c1 c2 c3 c4 in/-dash\ \'quoted\'.txt "in/name with spaces ünï.txt" n2 \
    $private u1 y1 | sort)
got=$(ids "$TMP/db" | grep -v '^notes/' | sort)
expect_eq "the readable records, and only they" "$want" "$got"
expect_eq "earlier documents kept" "$notes" "$(ids "$TMP/db" | grep -c '^notes/')"
expect_eq "text around bad bytes indexed" u1 \
    "$("$MORGUE_SEARCH" -d "$TMP/db" --format ids 'tab AND harbour' 2>/dev/null)"
expect_eq "odd name is an id" "in/name with spaces ünï.txt" \
    "$("$MORGUE_SEARCH" -d "$TMP/db" --format ids 'accents' 2>/dev/null)"
expect_eq "undated" null \
    "$("$MORGUE_SEARCH" -d "$TMP/db" --format jsonl 'far future' 2>/dev/null | jq -r .date)"
# --strict: the same run fails the pipeline, and still indexes every good record.
expect_code "--strict with skipped records" 1 "$MORGUE_INDEX" --strict --force -d "$TMP/db-strict" "$IN"
expect_eq "--strict still indexes" "$(echo "$want" | wc -l | tr -d ' ')" "$(count "$TMP/db-strict")"

# Archives: members named outside the archive are refused; truncation keeps what came before.
python3 - "$TMP" <<'PY'
import io, sys, tarfile, zipfile
out = sys.argv[1]
def rec(i):
    return ('{"id":"a%d","title":"Archived %d","text":"harbour"}\n' % (i, i)).encode()
with tarfile.open(out + "/evil.tar", "w") as t:
    for i, name in enumerate(["ok.jsonl", "../escape.jsonl", "/etc/abs.jsonl",
                              "a/../../up.jsonl", "dots..in-name.jsonl"]):
        info = tarfile.TarInfo(name)
        info.size = len(rec(i))
        t.addfile(info, io.BytesIO(rec(i)))
with zipfile.ZipFile(out + "/evil.zip", "w") as z:
    z.writestr("ok.jsonl", rec(10))
    z.writestr("../../escape.jsonl", rec(11))
lines = b"".join(rec(100 + i) for i in range(20000))
with zipfile.ZipFile(out + "/full.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("dump.jsonl", lines)
data = open(out + "/full.zip", "rb").read()
open(out + "/cut.zip", "wb").write(data[: len(data) // 2])
PY
expect_code "unsafe members are not fatal" 0 "$MORGUE_INDEX" -d "$TMP/db-evil" "$TMP/evil.tar" "$TMP/evil.zip"
expect_contains "../ refused" "$TMP/err" "evil.tar: archive member '../escape.jsonl' names a path outside the archive; member skipped"
expect_contains "absolute refused" "$TMP/err" "evil.tar: archive member '/etc/abs.jsonl' names a path outside the archive"
expect_contains "inner ../ refused" "$TMP/err" "evil.tar: archive member 'a/../../up.jsonl' names a path outside the archive"
expect_contains "zip ../ refused" "$TMP/err" "evil.zip: archive member '../../escape.jsonl' names a path outside the archive"
expect_eq "safe members read" "$(printf '%s\n' a0 a10 a4 | sort)" "$(ids "$TMP/db-evil" | sort)"
expect_eq "nothing written beside the archive" "" "$(ls "$TMP" | grep -E '^(escape|up)\.jsonl$')"
expect_code "truncated zip is not fatal" 0 "$MORGUE_INDEX" -d "$TMP/db-cut" "$TMP/cut.zip"
expect_contains "truncated zip message" "$TMP/err" "cut.zip: "
expect_contains "truncated zip keeps records" "$TMP/err" "records read before it are kept"
kept=$(count "$TMP/db-cut")
# The records kept are the first ones, one after another: a100 .. a(100+kept-1).
expect_eq "truncated zip kept a prefix" "$(seq 100 $((99 + kept)) | sed 's/^/a/' | sort)" \
    "$(ids "$TMP/db-cut" | sort)"
[ "$kept" -gt 0 ] && [ "$kept" -lt 20000 ]
expect_eq "truncated zip kept some but not all ($kept)" 0 "$?"

# XML entities: an external one is not fetched, a billion laughs is stopped.
mkdir "$TMP/xml"
echo "secretcanary" >"$TMP/secret.txt"
cat >"$TMP/xml/external.xml" <<XML
<?xml version="1.0"?>
<!DOCTYPE article [<!ENTITY xxe SYSTEM "file://$TMP/secret.txt">]>
<article><title>External entity</title><body><p>harbour &xxe; end</p></body></article>
XML
python3 - "$TMP/xml/laughs.xml" <<'PY'
import sys
doc = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 "lol">\n'
for i in range(1, 10):
    doc += '<!ENTITY lol%d "%s">\n' % (i, ("&lol%d;" % (i - 1)) * 10)
doc += ']>\n<article><title>Laughs</title><body><p>harbour &lol9;</p></body></article>\n'
open(sys.argv[1], "w").write(doc)
PY
expect_code "XML entities are not fatal" 0 "$MORGUE_INDEX" -d "$TMP/db-xml" "$TMP/xml"
expect_contains "entity loop message" "$TMP/err" "laughs.xml: malformed XML (Detected an entity reference loop"
expect_eq "both articles indexed" "$(printf 'xml/external.xml\nxml/laughs.xml')" "$(ids "$TMP/db-xml" | sort)"
expect_code "external entity not read" 1 "$MORGUE_SEARCH" -d "$TMP/db-xml" secretcanary

# A decompression bomb and a 200 MB record: bounded memory, a message, the neighbours kept.
python3 - "$TMP" <<'PY'
import sys, zipfile, zlib
out = sys.argv[1]
with zipfile.ZipFile(out + "/bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("first.jsonl", '{"id":"z1","title":"Before the bomb","text":"harbour"}\n')
    z.writestr("bomb.jsonl", b"a" * (256 << 20))
with open(out + "/huge.jsonl", "w") as f:
    f.write('{"id":"h1","title":"Before","text":"harbour"}\n')
    f.write('{"id":"h2","title":"Huge","text":"' + "word " * (40 << 20) + '"}\n')
    f.write('{"id":"h3","title":"After","text":"harbour"}\n')
PY
mib=$(peak_mib "$TMP" "$MORGUE_INDEX" -d "$TMP/db-bomb" "$TMP/bomb.zip")
expect_eq "bomb is not fatal" 0 "$(cat "$TMP/rc")"
expect_contains "bomb message" "$TMP/err" "bomb.zip: content expands to over 200 times its compressed size"
expect_eq "bomb's neighbour kept" z1 "$(ids "$TMP/db-bomb")"
mib2=$(peak_mib "$TMP" "$MORGUE_INDEX" -d "$TMP/db-huge" "$TMP/huge.jsonl")
expect_eq "huge record is not fatal" 0 "$(cat "$TMP/rc")"
expect_contains "huge record message" "$TMP/err" "huge.jsonl:2: line longer than 64 MiB; record skipped"
expect_eq "huge record's neighbours kept" "$(printf 'h1\nh3')" "$(ids "$TMP/db-huge")"
if [ "${MORGUE_SANITIZED:-0}" != 1 ]; then
    [ "$mib" -lt 512 ] && [ "$mib2" -lt 512 ]
    expect_eq "bomb ($mib MiB) and huge record ($mib2 MiB) stay under 512 MiB" 0 "$?"
fi
# Text past 8 MiB is cut, with a note.
python3 -c 'print("Long read\n\n" + "harbour " * (2 << 20))' >"$TMP/long.txt"
expect_code "long text is not fatal" 0 "$MORGUE_INDEX" -d "$TMP/db-long" "$TMP/long.txt"
expect_contains "long text note" "$TMP/err" "long.txt: text longer than 8 MiB; only its first 8 MiB indexed"

# Queries: a clear error or a sensible reading, never a crash.
DB="$TMP/db"
expect_code "unbalanced quote" 0 "$MORGUE_SEARCH" -d "$DB" '"harbour one'
expect_contains "unbalanced quote warning" "$TMP/err" "warning: unbalanced quote"
expect_code "unbalanced bracket" 0 "$MORGUE_SEARCH" -d "$DB" '(harbour OR tab'
expect_code "closing bracket alone" 0 "$MORGUE_SEARCH" -d "$DB" 'harbour)'
expect_code "lone operator read as a word" 0 "$MORGUE_SEARCH" -d "$DB" AND
expect_contains "lone operator warning" "$TMP/err" "query syntax not understood"
expect_code "dangling operator" 0 "$MORGUE_SEARCH" -d "$DB" 'harbour AND'
# Xapian's CJK n-grams reject a CJK run joined to a letter after another word; the query is
# then read word by word.
expect_code "CJK run joined to a letter" 0 "$MORGUE_SEARCH" -d "$DB" 'harbour 中e'
expect_contains "CJK run joined to a letter warning" "$TMP/err" "query syntax not understood"
expect_code "lone minus" 1 "$MORGUE_SEARCH" -d "$DB" '-'
deep=$(python3 -c 'print("(" * 10000 + "harbour" + ")" * 10000)')
expect_code "10,000 brackets" 0 "$MORGUE_SEARCH" -d "$DB" "$deep"
many=$(python3 -c 'print(" ".join("w%d" % i for i in range(9999)) + " harbour")')
expect_code "10,000 words" 2 "$MORGUE_SEARCH" -d "$DB" "$many"
expect_contains "10,000 words message" "$TMP/err" "the query has 10000 words; at most 1024 are read"
enough=$(python3 -c 'print(" ".join("w%d" % i for i in range(1023)) + " harbour")')
expect_code "1,024 words" 0 "$MORGUE_SEARCH" -d "$DB" "$enough"
# Tabs and line breaks separate words; other control characters are dropped.
expect_eq "control characters" "$(printf 'b1\nc1')" \
    "$("$MORGUE_SEARCH" -d "$DB" --format ids $'\x01harb\x1bour\x07\tAND\none' 2>/dev/null | sort)"
expect_code "year 99999" 2 "$MORGUE_SEARCH" -d "$DB" 'date:99999'
expect_contains "year 99999 message" "$TMP/err" 'malformed date "99999"'
printf 'harbour\000one\n{"query":\n' >"$TMP/batch"
"$MORGUE_SEARCH" -d "$DB" --batch --format jsonl <"$TMP/batch" >"$TMP/out" 2>"$TMP/err"
expect_eq "batch with NUL and a broken line" 0 "$?"
# A NUL is dropped, as from indexed text: "harbour\0one" is the word "harbourone".
expect_eq "NUL in a batch query" "Query(((Zharbouron@1 FILTER Len) OR (harbourone@1 FILTER Lund)))" "$(head -1 "$TMP/out" | jq -r .query.parsed)"
expect_eq "broken batch line named" 2 "$(sed -n 2p "$TMP/out" | jq .line)"

finish
