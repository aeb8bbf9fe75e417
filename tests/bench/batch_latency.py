#!/usr/bin/env python3
"""Per-query latency of `morgue-search --batch` against a raw libxapian loop (raw_search) on
the same database and the same queries, alternating the two in one session.

usage: batch_latency.py MORGUE_SEARCH RAW_SEARCH DATABASE [QUERIES]

Queries (default 1,000) are one-, two- and three-word queries and two-word phrases drawn with
a fixed seed from the stored text of the database's own articles. Each query is sent to the
running morgue-search --batch process and timed until its answer line arrives; raw_search times
itself. Prints median and 99th percentile of each and their ratios."""
import json
import random
import re
import statistics
import subprocess
import sys
import time


def draw_queries(search, db, n):
    out = subprocess.run([search, "-d", db, "--format", "jsonl", "--limit", "2000", "*"],
                         capture_output=True, text=True, check=True).stdout
    words = []
    for line in out.splitlines():
        hit = json.loads(line)
        words.append(re.findall(r"[a-z]{4,}", (hit["title"] + " " + hit["snippet"]).lower()))
    words = [w for w in words if len(w) >= 3]
    rng = random.Random(1987)
    queries = []
    for i in range(n):
        doc = rng.choice(words)
        kind = i % 4
        if kind == 3:
            start = rng.randrange(len(doc) - 1)
            queries.append('"%s %s"' % (doc[start], doc[start + 1]))
        else:
            queries.append(" ".join(rng.sample(doc, kind + 1)))
    return queries


def morgue_latencies(search, db, queries):
    proc = subprocess.Popen([search, "-d", db, "--batch"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, bufsize=1)
    times = []
    for q in queries:
        start = time.perf_counter()
        proc.stdin.write(q + "\n")
        proc.stdin.flush()
        proc.stdout.readline()
        times.append((time.perf_counter() - start) * 1e6)
    proc.stdin.close()
    proc.wait()
    return times


def raw_latencies(raw, db, queries):
    out = subprocess.run([raw, db], input="\n".join(queries) + "\n", capture_output=True,
                         text=True, check=True).stdout
    return [float(x) for x in out.split()]


def summary(times):
    ordered = sorted(times)
    return statistics.median(ordered), ordered[int(0.99 * (len(ordered) - 1))]


def main():
    search, raw, db = sys.argv[1:4]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
    queries = draw_queries(search, db, n)
    morgue, baseline = [], []
    for round_ in range(3):  # alternate, so that drift in machine speed hits both
        baseline += raw_latencies(raw, db, queries)
        morgue += morgue_latencies(search, db, queries)
    m50, m99 = summary(morgue)
    r50, r99 = summary(baseline)
    print(f"{n} queries x 3 rounds on {db}")
    print(f"{'':24}{'median us':>12}{'p99 us':>12}")
    print(f"{'raw libxapian loop':24}{r50:12.0f}{r99:12.0f}")
    print(f"{'morgue-search --batch':24}{m50:12.0f}{m99:12.0f}")
    print(f"{'ratio':24}{m50 / r50:12.2f}{m99 / r99:12.2f}")


if __name__ == "__main__":
    main()
