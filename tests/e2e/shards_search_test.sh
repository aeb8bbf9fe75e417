#!/usr/bin/env bash
# Searching a sharded archive: two hash shards of corpus/ served by xapian-tcpsrv on the loopback
# interface, searched remotely, through their stub and as one database, give the same hits in the
# same order with the same counts, facets and timelines. Then what goes wrong: a shard that
# refuses connections, does not answer, is missing or dies in the middle of a batch (exit 3, or
# --partial and a warning), a feature remote shards do not offer, and stubs with a bad line or a
# loop.
. "$(dirname "$0")/lib.sh"
if ! command -v xapian-tcpsrv >/dev/null || ! command -v python3 >/dev/null; then
    echo "xapian-tcpsrv (xapian-tools) or python3 missing: skipped"
    exit 77
fi
CORPUS=$MORGUE_SOURCE_DIR/corpus
SERVERS=()
cleanup() {
    local pid
    for pid in "${SERVERS[@]}"; do
        kill -- -"$pid" 2>/dev/null  # the server and the children serving its connections
    done
    rm -rf "$TMP"
}
trap cleanup EXIT

# free_port: a TCP port of the loopback interface that nothing listens on right now.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
# free_port_but PORT: a free port other than PORT.
free_port_but() {
    local port
    port=$(free_port)
    while [ "$port" == "$1" ]; do port=$(free_port); done
    echo "$port"
}
# accepts PORT: true once something accepts connections on the port.
accepts() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# serve VARIABLE DB [OPTION...]: serves DB with xapian-tcpsrv in a process group of its own,
# and sets VARIABLE to its port once it accepts connections (waiting at most 10 s per attempt).
serve() {
    local attempt try server wait variable=$1 db=$2
    shift 2
    for attempt in 1 2 3 4 5; do
        try=$(free_port)
        setsid xapian-tcpsrv --interface 127.0.0.1 --port "$try" --quiet "$@" "$db" \
            >"$TMP/server-$try.log" 2>&1 &
        server=$!
        SERVERS+=("$server")
        for wait in $(seq 100); do
            if accepts "$try"; then
                printf -v "$variable" '%s' "$try"
                PGROUP[$try]=$server
                return 0
            fi
            kill -0 "$server" 2>/dev/null || break  # the port was taken meanwhile: another one
            sleep 0.1
        done
        kill -- -"$server" 2>/dev/null
    done
    echo "cannot start xapian-tcpsrv: $(cat "$TMP"/server-*.log)" >&2
    exit 1
}
# stop PORT: stops the server of the port and the children serving its connections.
stop() {
    local pid=${PGROUP[$1]} wait
    kill -- -"$pid" 2>/dev/null
    for wait in $(seq 100); do
        kill -0 -- -"$pid" 2>/dev/null || return 0
        sleep 0.1
    done
}
declare -A PGROUP

# normalise: each JSON line of stdin with scores rounded and estimated totals left out (an
# estimate depends on how the matches are spread; exact counts do not).
normalise() {
    python3 -c '
import json, sys
for line in sys.stdin:
    doc = json.loads(line)
    for hit in doc.get("results", []):
        if hit.get("score") is not None:
            hit["score"] = round(hit["score"], 4)
    total = doc.get("total")
    if total is not None and not total["exact"]:
        total["estimate"] = "estimated"
    print(json.dumps(doc, sort_keys=True))'
}

expect_code "one database of corpus/" 0 "$MORGUE_INDEX" -q -d "$TMP/one" "$CORPUS"
expect_code "two hash shards of corpus/" 0 "$MORGUE_INDEX" -q -d "$TMP/archive" --shards 2 "$CORPUS"
expect_eq "the stub lists both shards" "auto shard-0
auto shard-1" "$(cat "$TMP/archive/XAPIANDB")"
serve P0 "$TMP/archive/shard-0"
serve P1 "$TMP/archive/shard-1"
REMOTE=(-d "tcp://127.0.0.1:$P0" -d "tcp://127.0.0.1:$P1")
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$P0" "$P1" >"$TMP/remote.stub"

SUMMIT=https://capital-wire.example/politics/summit-talks
DONETSK=https://eastern-dispatch.example/world/donetsk-shelling-basements
cat >"$TMP/queries" <<EOF
{"query": "harbour", "count": true}
{"query": "harbour", "limit": 3, "offset": 2, "count": true}
{"query": "harbour OR coffee OR shelling OR tram", "limit": 30, "count": true}
{"query": "\"security council\"", "count": true}
{"query": "title:coffee", "count": true}
{"query": "author:kovalenko OR source:reuters", "count": true}
{"query": "date:2022-02", "limit": 30, "count": true}
{"query": "harbour date:2023..", "sort": "oldest", "count": true}
{"query": "place:ukraine OR place:donetsk OR person:\"vladimir putin\" OR entity:kremlin", "count": true}
{"query": "org:nato OR place:us", "count": true}
{"query": "*", "limit": 40, "sort": "newest", "count": true}
{"query": "*", "limit": 40, "sort": "oldest", "count": true}
{"query": "*", "limit": 7, "offset": 20, "sort": "oldest", "count": true}
{"query": "*", "limit": 40, "count": true}
{"query": "lang:de OR lang:zh", "count": true}
{"query": "ukrain*", "count": true}
{"query": "shelling", "since": "2022-02-01", "until": "2022-03", "count": true}
{"query": "harbour OR port", "facet": "source,lang,person,org,place,topic,tag", "histogram": "month"}
{"query": "*", "facet": "source:3,place", "histogram": "week", "limit": 0}
{"query": "*", "histogram": "year", "limit": 0}
{"query": "donetsk OR summit OR coffee", "collapse": true, "count": true}
{"query": "*", "collapse": true, "limit": 40, "sort": "oldest", "count": true}
{"query": "", "duplicates": "$DONETSK", "count": true}
{"query": "", "like": "$SUMMIT", "limit": 10, "count": true}
{"query": "date:2022", "like": "$SUMMIT", "count": true}
{"query": "harbour", "expand": true, "count": true}
{"query": "coffee OR harbour", "recency": "10y", "count": true}
{"query": "sao paulo", "all": true, "count": true}
EOF
QUERIES=$(wc -l <"$TMP/queries")
"$MORGUE_SEARCH" --batch --no-suggest -d "$TMP/one" <"$TMP/queries" | normalise >"$TMP/one.jsonl"
expect_eq "one database answers every query" "$QUERIES" "$(grep -c '"results"' "$TMP/one.jsonl")"
expect_eq "every query matches" 0 "$(grep -c '"estimate": 0,' "$TMP/one.jsonl")"
compare() {
    local what=$1
    shift
    "$MORGUE_SEARCH" --batch --no-suggest "$@" <"$TMP/queries" 2>"$TMP/err" | normalise \
        >"$TMP/got.jsonl"
    local line
    for line in $(seq "$QUERIES"); do
        expect_eq "$what: $(sed -n "${line}p" "$TMP/queries")" \
            "$(sed -n "${line}p" "$TMP/one.jsonl")" "$(sed -n "${line}p" "$TMP/got.jsonl")"
    done
    expect_eq "$what: nothing on stderr" "" "$(cat "$TMP/err")"
}
compare "remote shards" "${REMOTE[@]}"
compare "the archive's folder" -d "$TMP/archive"
compare "the archive's stub file" -d "$TMP/archive/XAPIANDB"
compare "a stub of remote shards" -d "$TMP/remote.stub"

# Every output format, and the descriptions of the query and of the database.
# (The first line of text counts the matches, an estimate here.)
for format in text jsonl csv tsv ids; do
    for flags in "--sort relevance" "--sort newest --collapse" "--highlight html --offset 1"; do
        skip=$([ $format == text ] && echo 1d || echo '')
        # shellcheck disable=SC2086
        "$MORGUE_SEARCH" -d "$TMP/one" --format $format $flags 'harbour OR ferry' 2>&1 |
            sed "$skip" >"$TMP/want"
        # shellcheck disable=SC2086
        "$MORGUE_SEARCH" "${REMOTE[@]}" --format $format $flags 'harbour OR ferry' 2>&1 |
            sed "$skip" >"$TMP/got"
        expect_eq "--format $format $flags" "$(cat "$TMP/want")" "$(cat "$TMP/got")"
    done
done
expect_eq "--count" "$("$MORGUE_SEARCH" -d "$TMP/one" --count harbour)" \
    "$("$MORGUE_SEARCH" "${REMOTE[@]}" --count harbour)"
expect_eq "--explain" "$("$MORGUE_SEARCH" -d "$TMP/one" --explain 'harbour date:2022')" \
    "$("$MORGUE_SEARCH" "${REMOTE[@]}" --explain 'harbour date:2022')"
stats() { "$MORGUE_SEARCH" "$@" --stats --format json | python3 -c '
import json, sys
stats = json.load(sys.stdin)["stats"]
print(stats["documents"], stats["first_date"], stats["last_date"], stats["undated"],
      stats["languages"], stats["top_sources"])'; }
expect_eq "--stats" "$(stats -d "$TMP/one")" "$(stats "${REMOTE[@]}")"
"$MORGUE_SEARCH" "${REMOTE[@]}" --stats --format json >"$TMP/out"
expect_contains "--stats names the shards" "$TMP/out" \
    "\"databases\":[\"tcp://127.0.0.1:$P0\",\"tcp://127.0.0.1:$P1\"]"
expect_contains "--stats says the remote size is unknown" "$TMP/out" \
    "\"warnings\":[\"the size on disk counts the local shards only: that of the remote shards (tcp://127.0.0.1:$P0, tcp://127.0.0.1:$P1) is not known here\"]"

# Spelling data is not served by the remote backend: a notice, not a failure.
"$MORGUE_SEARCH" -d "$TMP/archive" --format json harbur >"$TMP/out"
expect_contains "local shards suggest" "$TMP/out" '"suggestion":"harbour","warnings":[]'
NOTICE="\"did you mean\" leaves out the words of the remote shards (tcp://127.0.0.1:$P0, tcp://127.0.0.1:$P1): Xapian's remote backend serves no spelling data"
expect_code "remote shards without spelling data" 1 "$MORGUE_SEARCH" "${REMOTE[@]}" --format json harbur
expect_eq "the notice in JSON" "[\"${NOTICE//\"/\\\"}\"]" \
    "$(python3 -c 'import json, sys; print(json.dumps(json.load(sys.stdin)["warnings"]))' <"$TMP/out")"
expect_eq "the notice on stderr" "morgue-search: warning: $NOTICE" "$(cat "$TMP/err")"

# A shard nothing listens for.
DEAD=$(free_port)
expect_code "unreachable shard" 3 "$MORGUE_SEARCH" -d "tcp://127.0.0.1:$P0" -d "tcp://127.0.0.1:$DEAD" harbour
expect_eq "unreachable shard message" "morgue-search: error: cannot reach shard tcp://127.0.0.1:$DEAD: Couldn't connect (Connection refused); --partial searches the other shards without it" "$(cat "$TMP/err")"
SHARD0=$("$MORGUE_SEARCH" -d "$TMP/archive/shard-0" --count '*')
LEFT_OUT="shard tcp://127.0.0.1:$DEAD left out (--partial): Couldn't connect (Connection refused)"
expect_code "--partial" 0 "$MORGUE_SEARCH" --partial --count -d "tcp://127.0.0.1:$P0" -d "tcp://127.0.0.1:$DEAD" '*'
expect_eq "--partial: the other shard's articles" "$SHARD0" "$(cat "$TMP/out")"
expect_eq "--partial: the warning" "morgue-search: warning: $LEFT_OUT" "$(cat "$TMP/err")"
"$MORGUE_SEARCH" --partial --format json -d "tcp://127.0.0.1:$P0" -d "tcp://127.0.0.1:$DEAD" harbour >"$TMP/out" 2>/dev/null
expect_contains "--partial: the warning in JSON" "$TMP/out" "\"warnings\":[\"$LEFT_OUT\"]"
DEAD2=$(free_port_but "$DEAD")
expect_code "no shard reachable, even with --partial" 3 "$MORGUE_SEARCH" --partial -d "tcp://127.0.0.1:$DEAD" -d "tcp://127.0.0.1:$DEAD2" '*'
expect_eq "no shard reachable message" "morgue-search: error: none of the 2 shards can be searched: tcp://127.0.0.1:$DEAD: Couldn't connect (Connection refused); tcp://127.0.0.1:$DEAD2: Couldn't connect (Connection refused)" "$(cat "$TMP/err")"
expect_code "the only shard unreachable, --partial" 3 "$MORGUE_SEARCH" --partial -d "tcp://127.0.0.1:$DEAD" '*'
expect_eq "the only shard unreachable message" "morgue-search: error: cannot reach shard tcp://127.0.0.1:$DEAD: Couldn't connect (Connection refused)" "$(cat "$TMP/err")"
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$DEAD" "$DEAD2" >"$TMP/dead.stub"
expect_code "no shard of a stub reachable" 3 "$MORGUE_SEARCH" --partial -d "$TMP/dead.stub" '*'
expect_contains "no shard of a stub reachable message" "$TMP/err" "error: none of the 2 shards can be searched: tcp://127.0.0.1:$DEAD: Couldn't connect (Connection refused); tcp://127.0.0.1:"

# A shard that accepts connections and never answers.
SILENT=$(free_port)
python3 -c 'import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(8); time.sleep(120)' "$SILENT" &
SILENT_PID=$!
for wait in $(seq 100); do accepts "$SILENT" && break; sleep 0.1; done
expect_code "a shard that does not answer" 3 "$MORGUE_SEARCH" --remote-timeout 0.5 -d "tcp://127.0.0.1:$P0" -d "tcp://127.0.0.1:$SILENT" harbour
expect_eq "timeout message" "morgue-search: error: cannot reach shard tcp://127.0.0.1:$SILENT: no answer within 0.5 s (--remote-timeout); --partial searches the other shards without it" "$(cat "$TMP/err")"
expect_code "a shard that does not answer, --partial" 0 "$MORGUE_SEARCH" --partial --remote-timeout 0.5 --count -d "tcp://127.0.0.1:$P0" -d "tcp://127.0.0.1:$SILENT" '*'
expect_eq "--partial after a timeout" "$SHARD0" "$(cat "$TMP/out")"
kill "$SILENT_PID"
wait "$SILENT_PID" 2>/dev/null

# Stubs: a missing shard, a bad line, a loop.
printf 'auto shard-0\n# gone\nauto shard-9\n' >"$TMP/archive/missing.stub"
expect_code "a stub's missing shard" 3 "$MORGUE_SEARCH" -d "$TMP/archive/missing.stub" harbour
expect_eq "a stub's missing shard message" "morgue-search: error: no database at '$TMP/archive/shard-9' (listed by $TMP/archive/missing.stub, line 3); --partial searches the other shards without it" "$(cat "$TMP/err")"
expect_code "a stub's missing shard, --partial" 0 "$MORGUE_SEARCH" --partial --count -d "$TMP/archive/missing.stub" '*'
expect_eq "--partial without the missing shard" "$SHARD0" "$(cat "$TMP/out")"
expect_eq "--partial names the stub line" "morgue-search: warning: shard '$TMP/archive/shard-9' (listed by $TMP/archive/missing.stub, line 3) left out (--partial): no database there" "$(cat "$TMP/err")"
printf 'auto archive\nremote 127.0.0.1\n' >"$TMP/bad.stub"
expect_code "a stub's bad line" 3 "$MORGUE_SEARCH" -d "$TMP/bad.stub" harbour
expect_eq "a stub's bad line message" "morgue-search: error: stub database '$TMP/bad.stub', line 2: 'remote 127.0.0.1' is not HOST:PORT (a port from 1 to 65535)" "$(cat "$TMP/err")"
expect_code "a stub's bad line, --partial" 3 "$MORGUE_SEARCH" --partial -d "$TMP/bad.stub" harbour
printf 'auto b.stub\n' >"$TMP/a.stub"
printf 'auto archive\nauto a.stub\n' >"$TMP/b.stub"
expect_code "a stub loop" 3 "$MORGUE_SEARCH" -d "$TMP/a.stub" harbour
expect_eq "a stub loop message" "morgue-search: error: stub databases list each other in a loop: $TMP/a.stub, line 1 -> $TMP/b.stub, line 2 -> $TMP/a.stub again; a stub must not lead back to itself" "$(cat "$TMP/err")"
expect_code "a malformed address" 2 "$MORGUE_SEARCH" -d "tcp://127.0.0.1" harbour
expect_eq "a malformed address message" "morgue-search: error: -d tcp://127.0.0.1: expected tcp://HOST:PORT, a port from 1 to 65535 (IPv6: tcp://[ADDRESS]:PORT)" "$(cat "$TMP/err")"

# A server that dies in the middle of a batch: an error line naming the shard, or with --partial
# the other shard's results and the warning.
batch_with_a_death() {
    local port
    serve port "$TMP/archive/shard-1"
    coproc SEARCH { "$MORGUE_SEARCH" --batch --limit 1 "$@" -d "tcp://127.0.0.1:$P0" \
        -d "tcp://127.0.0.1:$port" 2>"$TMP/batch.err"; }
    # Bash unsets SEARCH_PID as soon as the coprocess ends: keep it for the wait.
    local search_pid=$SEARCH_PID
    echo '{"query": "*", "count": true}' >&"${SEARCH[1]}"
    read -r FIRST <&"${SEARCH[0]}"
    stop "$port"
    echo '{"query": "*", "count": true}' >&"${SEARCH[1]}"
    read -r SECOND <&"${SEARCH[0]}"
    echo 'harbour' >&"${SEARCH[1]}"
    read -r THIRD <&"${SEARCH[0]}"
    exec {SEARCH[1]}>&-
    wait "$search_pid"
    BATCH_CODE=$?
    DIED=$port
}
field() { python3 -c 'import json, sys; doc = json.loads(sys.argv[1]); print(eval(sys.argv[2]))' "$@"; }
TOTAL=$("$MORGUE_SEARCH" -d "$TMP/one" --count '*')
batch_with_a_death
expect_eq "batch: all shards at first" "$TOTAL" "$(field "$FIRST" 'doc["total"]["estimate"]')"
expect_eq "batch: a shard lost" "{'code': 3, 'message': \"lost shard tcp://127.0.0.1:$DIED: Couldn't connect (Connection refused); --partial searches the other shards without it\"}" "$(field "$SECOND" 'doc["error"]')"
expect_eq "batch: still lost on the next line" "3 3" "$(field "$THIRD" 'doc["line"], doc["error"]["code"]' | tr -d '(,)')"
expect_eq "batch: answers every line" 0 "$BATCH_CODE"
batch_with_a_death --partial
expect_eq "batch --partial: all shards at first" "$TOTAL" "$(field "$FIRST" 'doc["total"]["estimate"]')"
expect_eq "batch --partial: the other shard" "$SHARD0" "$(field "$SECOND" 'doc["total"]["estimate"]')"
expect_eq "batch --partial: the warning" "[\"shard tcp://127.0.0.1:$DIED left out (--partial): Couldn't connect (Connection refused)\"]" "$(field "$SECOND" 'json.dumps(doc["warnings"])')"
expect_eq "batch --partial: left out for the rest of the batch" 1 "$(field "$THIRD" 'len(doc["warnings"])')"
expect_eq "batch --partial: nothing on stderr" "" "$(cat "$TMP/batch.err")"


# A server that closes idle connections: the next query reconnects, without a warning.
serve IDLE "$TMP/archive/shard-1" --idle-timeout 200
coproc SEARCH { "$MORGUE_SEARCH" --batch --limit 1 -d "tcp://127.0.0.1:$P0" \
    -d "tcp://127.0.0.1:$IDLE" 2>"$TMP/batch.err"; }
SEARCH_PID_KEPT=$SEARCH_PID
echo '{"query": "*", "count": true}' >&"${SEARCH[1]}"
read -r FIRST <&"${SEARCH[0]}"
sleep 1  # past the server's idle timeout: it closes the connection
echo '{"query": "*", "count": true}' >&"${SEARCH[1]}"
read -r SECOND <&"${SEARCH[0]}"
exec {SEARCH[1]}>&-
wait "$SEARCH_PID_KEPT"
expect_eq "idle connection: before" "$TOTAL []" "$(field "$FIRST" 'doc["total"]["estimate"], doc["warnings"]' | tr -d '(,)')"
expect_eq "idle connection: reconnected" "$TOTAL []" "$(field "$SECOND" 'doc["total"]["estimate"], doc["warnings"]' | tr -d '(,)')"
expect_eq "idle connection: nothing on stderr" "" "$(cat "$TMP/batch.err")"

finish
