#!/usr/bin/env python3
"""Per-query latency of `morgue-search --batch` against a raw libxapian loop (raw_search) on
the same database and the same queries, alternating the two in one run.

usage: batch_latency.py MORGUE_SEARCH RAW_SEARCH DATABASE [QUERIES]

Queries (default 1,000) are one-, two- and three-word queries and two-word phrases drawn with
a fixed seed from the stored text of the database's own articles. Each query is sent to the
running morgue-search --batch process and timed until its answer line arrives; raw_search times
itself. Prints median and 99th percentile of each and their ratios.

run.py imports draw_queries() and measure() from here."""
import json
import random
import re
import statistics
import subprocess
import sys
import time

SEED = 1987


def article_words(hit):
    """The lower-case words of four letters or more in a hit's title and snippet (its body when
    it has no snippet)."""
    text = "%s %s" % (hit.get("title") or "", hit.get("snippet") or hit.get("body") or "")
    return re.findall(r"[a-z]{4,}", text.lower())


def draw_queries(search, db, n):
    """n queries from the text of up to 2,000 articles of db: one, two and three words, and
    every fourth a two-word phrase; the same ones for the same database."""
    out = subprocess.run([search, "-d", db, "--format", "jsonl", "--limit", "2000", "*"],
                         capture_output=True, text=True, check=True).stdout
    words = [article_words(json.loads(line)) for line in out.splitlines() if line.strip()]
    words = [w for w in words if len(w) >= 3]
    if not words:
        raise RuntimeError(f"no article text to draw queries from in {db}")
    rng = random.Random(SEED)
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
    """Microseconds from writing each query to reading its answer line."""
    proc = subprocess.Popen([search, "-d", db, "--batch"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, bufsize=1)
    times = []
    for q in queries:
        start = time.perf_counter()
        proc.stdin.write(q + "\n")
        proc.stdin.flush()
        if not proc.stdout.readline():
            raise RuntimeError(f"morgue-search --batch stopped at query {q!r}")
        times.append((time.perf_counter() - start) * 1e6)
    proc.stdin.close()
    proc.wait()
    return times


def raw_latencies(raw, db, queries):
    """Microseconds per query, as raw_search measures them."""
    out = subprocess.run([raw, db], input="\n".join(queries) + "\n", capture_output=True,
                         text=True, check=True).stdout
    return [float(x) for x in out.split()]


def summary(times):
    """(median, 99th percentile)."""
    ordered = sorted(times)
    return statistics.median(ordered), ordered[int(0.99 * (len(ordered) - 1))]


def measure(search, raw, db, queries, rounds=3):
    """Both loops over the same queries, alternating round by round so that drift in machine
    speed hits both; returns {"raw": (median, p99), "morgue": (median, p99)} in microseconds."""
    morgue, baseline = [], []
    for _ in range(rounds):
        baseline += raw_latencies(raw, db, queries)
        morgue += morgue_latencies(search, db, queries)
    return {"raw": summary(baseline), "morgue": summary(morgue)}


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__.split("\n\n")[1])
    search, raw, db = sys.argv[1:4]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
    result = measure(search, raw, db, draw_queries(search, db, n))
    (m50, m99), (r50, r99) = result["morgue"], result["raw"]
    print(f"{n} queries x 3 rounds on {db}")
    print(f"{'':24}{'median us':>12}{'p99 us':>12}")
    print(f"{'raw libxapian loop':24}{r50:12.0f}{r99:12.0f}")
    print(f"{'morgue-search --batch':24}{m50:12.0f}{m99:12.0f}")
    print(f"{'ratio':24}{m50 / r50:12.2f}{m99 / r99:12.2f}")


if __name__ == "__main__":
    main()
