#!/usr/bin/env bash
# Installs what morgue needs from Debian, builds it, then either indexes corpus/ and runs an
# example search ("demo"), or builds and runs every test ("test"), then builds again with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer and runs the tests that need no ../shared
# corpora there, with the fuzz targets (MORGUE_FUZZ_SECONDS each, 20 by default).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-demo}
jobs=$(nproc)

packages=(cmake g++ make pkg-config libxapian-dev xapian-tools libstemmer-dev libcli11-dev
          libboost-test-dev libsimdjson-dev libarchive-dev libcld2-dev libhowardhinnant-date-dev
          libutf8proc-dev libxml2-dev zlib1g-dev libgumbo-dev help2man)
if [ "$mode" = test ]; then
    packages+=(python3 python3-jsonschema zstd bzip2 xz-utils jq clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    echo "setup: installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

case "$mode" in
demo)
    cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DMORGUE_BUILD_TESTS=OFF >/dev/null
    cmake --build build -j"$jobs"
    rm -rf build/corpus-db
    build/indexer/morgue-index -d build/corpus-db corpus
    echo
    echo '$ morgue-search -d build/corpus-db "ukraine shelling"'
    build/searcher/morgue-search -d build/corpus-db --limit 5 "ukraine shelling"
    ;;
test)
    cmake -S . -B build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMORGUE_BUILD_TESTS=ON >/dev/null
    cmake --build build-test -j"$jobs"
    (cd build-test && ctest --output-on-failure -j"$jobs")
    # -O1 with line tables only compiles faster than -O2 -g, and reports still name the lines.
    CC=clang CXX=clang++ cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
        -DMORGUE_SANITIZE=ON -DMORGUE_FUZZ=ON -DMORGUE_BUILD_TOOLS=OFF \
        -DMORGUE_FUZZ_SECONDS="${MORGUE_FUZZ_SECONDS:-20}" >/dev/null
    cmake --build build-sanitize -j"$jobs"
    cd build-sanitize
    ctest --output-on-failure -j"$jobs" -LE shared
    ;;
*)
    echo "usage: scripts/setup.sh demo|test" >&2
    exit 2
    ;;
esac
