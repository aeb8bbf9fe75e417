#!/usr/bin/env bash
# Runs every fuzz target of a MORGUE_FUZZ build for SECONDS each, JOBS at a time (default 2),
# niced, with the arguments CTest gives them (seeds from corpus/, limits, dictionaries), then
# prints per target the executions, executions per second and whether it found anything.
# Exits 1 when any target crashed, leaked, timed out or ran out of memory, naming the files
# that reproduce it.
#
#   tests/fuzz/run_all.sh SECONDS [JOBS] [BUILD_DIR]     (BUILD_DIR defaults to build-sanitize)
set -euo pipefail

usage() {
    echo "usage: tests/fuzz/run_all.sh SECONDS [JOBS] [BUILD_DIR]" >&2
    exit 2
}
[ $# -ge 1 ] && [ $# -le 3 ] || usage
seconds=$1
jobs=${2:-2}
build=${3:-$(cd "$(dirname "$0")/../.." && pwd)/build-sanitize}
[[ $seconds =~ ^[1-9][0-9]*$ && $jobs =~ ^[1-9][0-9]*$ ]] || usage

fuzz_dir="$build/tests/fuzz"
if ! compgen -G "$fuzz_dir/targets/*.args" >/dev/null; then
    echo "run_all.sh: no fuzz targets in $fuzz_dir; configure with -DMORGUE_FUZZ=ON and build" >&2
    exit 2
fi
logs="$fuzz_dir/logs"
mkdir -p "$logs"

# Runs one target (its .args file: the program, then one argument a line) into logs/NAME.log;
# its exit code goes to logs/NAME.status.
run_target() {
    local args_file=$1 seconds=$2 logs=$3
    local name
    name=$(basename "$args_file" .args)
    local -a command
    mapfile -t command <"$args_file"
    local status=0
    nice -n 10 "${command[@]:0:1}" -max_total_time="$seconds" "${command[@]:1}" \
        >"$logs/$name.log" 2>&1 || status=$?
    echo "$status" >"$logs/$name.status"
}
export -f run_target

# Artifacts of earlier runs are not this run's findings.
rm -f "$fuzz_dir"/artifacts/* "$logs"/*.log "$logs"/*.status
printf '%s\n' "$fuzz_dir"/targets/*.args |
    xargs -P "$jobs" -I{} bash -c 'run_target "$1" "$2" "$3"' _ {} "$seconds" "$logs"

# The last value libFuzzer printed for a final statistic ("stat::name: value").
stat() {
    sed -n "s/^stat::$1: *//p" "$2" | tail -n 1
}

failed=0
printf '%-10s %12s %8s  %s\n' target executions exec/s result
for args_file in "$fuzz_dir"/targets/*.args; do
    name=$(basename "$args_file" .args)
    log="$logs/$name.log"
    status=$(cat "$logs/$name.status")
    units=$(stat number_of_executed_units "$log")
    rate=$(stat average_exec_per_sec "$log")
    mapfile -t found < <(find "$fuzz_dir/artifacts" -name "$name-*" -type f | sort)
    if [ "${#found[@]}" -gt 0 ] || [ "$status" != 0 ]; then
        result="FOUND: exit $status${found[*]:+, ${found[*]}}"
        failed=1
    else
        result="nothing found"
    fi
    printf '%-10s %12s %8s  %s\n' "$name" "${units:-?}" "${rate:-?}" "$result"
done
if [ "$failed" = 1 ]; then
    echo "run_all.sh: a fuzz target failed; its log is in $logs, and each file named above" \
         "reproduces the failure when given to the target's program" >&2
    exit 1
fi
