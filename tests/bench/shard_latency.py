#!/usr/bin/env python3
"""Per-query latency of `morgue-search --batch` over the same articles as one database, as 4
local shards and as 2 remote shards, with the same queries, alternating round by round.

usage: shard_latency.py MORGUE_INDEX MORGUE_SEARCH JSONL [QUERIES]

The shards are built from JSONL by `morgue-index --shards 4` (searched locally through the
archive's stub) and `--shards 2` (each shard served by its own xapian-tcpsrv on loopback and
searched as `-d tcp://127.0.0.1:PORT` twice); the one database by plain `morgue-index`. Queries
(default 1,000) are drawn as batch_latency.py draws them. Every layout should give the same
hits for every query (ids in order, and the total when it is exact); the count of queries that
do is printed with the medians, 99th percentiles and ratios against the one database.

run.py imports build_layouts() and measure() from here."""
import contextlib
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import batch_latency  # noqa: E402  (beside this file)

ONE = "one database"
LOCAL = "4 local shards"
REMOTE = "2 remote shards"
SERVER_WAIT_S = 20


def index(morgue_index, jsonl, db, flags, threads):
    """Builds db from jsonl; the wall seconds it took."""
    start = time.perf_counter()
    subprocess.run([str(morgue_index), "-d", str(db), "--format", "jsonl", "-q", *threads,
                    *flags, str(jsonl)], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.PIPE)
    return time.perf_counter() - start


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def accepting(port):
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
        return True
    return False


@contextlib.contextmanager
def served(databases):
    """Serves each database with its own xapian-tcpsrv on a free loopback port; yields their
    tcp:// addresses and stops the servers at the end."""
    servers, addresses = [], []
    try:
        for db in databases:
            port = free_port()
            servers.append(subprocess.Popen(
                ["xapian-tcpsrv", "--interface", "127.0.0.1", "--port", str(port), "--quiet",
                 str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                # On SIGTERM xapian-tcpsrv signals its whole process group, its own one here.
                start_new_session=True))
            deadline = time.monotonic() + SERVER_WAIT_S
            while not accepting(port):
                if servers[-1].poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"xapian-tcpsrv did not start serving {db} on {port}")
                time.sleep(0.05)
            addresses.append(f"tcp://127.0.0.1:{port}")
        yield addresses
    finally:
        for server in servers:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGTERM)
            server.wait()


def build_layouts(morgue_index, jsonl, work, threads):
    """The 4- and 2-shard archives of jsonl in work; their build times in seconds."""
    seconds = {}
    for name, shards in ((LOCAL, 4), (REMOTE, 2)):
        archive = Path(work) / f"shards-{shards}"
        shutil.rmtree(archive, ignore_errors=True)
        seconds[name] = index(morgue_index, jsonl, archive, ["--shards", str(shards)], threads)
    return seconds


def answers(search, databases, queries):
    """Microseconds per query and each query's answer (ids in order, total) from one
    morgue-search --batch process over databases."""
    argv = [str(search), "--batch"] + [a for db in databases for a in ("-d", str(db))]
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            bufsize=1)
    times, hits = [], []
    for q in queries:
        start = time.perf_counter()
        proc.stdin.write(q + "\n")
        proc.stdin.flush()
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"morgue-search --batch over {databases} stopped at {q!r}")
        times.append((time.perf_counter() - start) * 1e6)
        answer = json.loads(line)
        total = answer.get("total", {})
        hits.append(([r["id"] for r in answer.get("results", [])],
                     total.get("estimate"), total.get("exact")))
    proc.stdin.close()
    proc.wait()
    return times, hits


def agree(answers_of_layouts):
    """The same ids in the same order, and the same total where every layout counted it
    exactly (an estimate is summed from each shard's own, and may differ)."""
    ids = {tuple(ids) for ids, _, _ in answers_of_layouts}
    exact = [total for _, total, is_exact in answers_of_layouts if is_exact]
    return len(ids) == 1 and (len(exact) < len(answers_of_layouts) or len(set(exact)) == 1)


def measure(search, one_db, work, queries, rounds=3):
    """{layout: (median us, p99 us)} and the number of queries whose hits every layout shares,
    the layouts alternating round by round (A B C, C B A, ...)."""
    work = Path(work)
    local = [work / "shards-4"]
    with served(sorted((work / "shards-2").glob("shard-*"))) as remote:
        layouts = {ONE: [one_db], LOCAL: local, REMOTE: remote}
        times = {name: [] for name in layouts}
        answers_of = {}
        order = list(layouts)
        for r in range(rounds):
            for name in order if r % 2 == 0 else reversed(order):
                t, hits = answers(search, layouts[name], queries)
                times[name] += t
                answers_of.setdefault(name, hits)
    same = sum(1 for i in range(len(queries))
               if agree([answers_of[name][i] for name in layouts]))
    return {name: batch_latency.summary(t) for name, t in times.items()}, same


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__.split("\n\n")[1])
    morgue_index, search, jsonl = sys.argv[1:4]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
    work = Path(tempfile.mkdtemp(prefix="morgue-shards-"))
    try:
        threads = ["-j", str(min(2, os.cpu_count() or 1))]
        one = work / "one"
        built = {ONE: index(morgue_index, jsonl, one, [], threads)}
        built.update(build_layouts(morgue_index, jsonl, work, threads))
        queries = batch_latency.draw_queries(search, str(one), n)
        latency, same = measure(search, one, work, queries)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    base = latency[ONE][0]
    print(f"{n} queries x 3 rounds; identical hits in every layout for {same} of {n}")
    print(f"{'':20}{'median us':>11}{'p99 us':>9}{'vs one':>8}{'index s':>9}")
    for name, (median, p99) in latency.items():
        print(f"{name:20}{median:11.0f}{p99:9.0f}{median / base:8.2f}{built[name]:9.1f}")


if __name__ == "__main__":
    main()
