#!/usr/bin/env bash
# Installs what morgue needs from Debian, builds it, then either indexes corpus/ and runs an
# example search ("demo"), or builds and runs every test ("test").
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-demo}
jobs=$(nproc)

packages=(cmake g++ make pkg-config libxapian-dev xapian-tools libstemmer-dev libcli11-dev
          libboost-test-dev libsimdjson-dev libarchive-dev libcld2-dev libhowardhinnant-date-dev
          libutf8proc-dev libxml2-dev zlib1g-dev libgumbo-dev help2man)
if [ "$mode" = test ]; then
    packages+=(python3 python3-jsonschema zstd bzip2 xz-utils jq)
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
    cd build-test
    ctest --output-on-failure -j"$jobs"
    ;;
*)
    echo "usage: scripts/setup.sh demo|test" >&2
    exit 2
    ;;
esac
