#!/usr/bin/env python3
"""Benchmarks morgue against Xapian's own tools on real news, in one command.

  tests/bench/run.py --build build --quick      # about 10 minutes on 2 cores, 1 GB of disk
  tests/bench/run.py --build build --full       # about 2 hours on 2 cores, 8 GB of disk

Measures, each pair alternating in the same run and reported as medians:
  (a) indexing: morgue-index (all features, and with entities, language detection,
      fingerprints and spelling off) against Omega's scriptindex with an equivalent index
      script (index.script) and against raw_index, a single-threaded libxapian indexer of the
      same schema: docs/s, MB/s of article text, peak RSS, database size before and after
      xapian-compact, the compacted tables, and each feature's cost;
  (b) morgue-search --batch per-query latency against a raw libxapian loop (raw_search),
      1,000 queries (batch_latency.py);
  (c) one-shot morgue-search process time against quest, same queries and database;
  (d) the same --batch latency over the same articles as 4 local shards and as 2 remote shards
      (xapian-tcpsrv on loopback) against the one database (shard_latency.py);
  (e) --full only: indexing speed and query latency at 50,000, 200,000 and 500,000 articles.

The articles are prepared first (not timed) by bench_corpus, with morgue's own readers, as
JSON Lines for morgue-index and as a scriptindex dump for scriptindex and raw_index, so that
every indexer gets the same text. Beyond the real corpus (about 44,000 articles) copies with
their own ids and shuffled sentences are added. Needs the programs of the build directory
(targets morgue-index morgue-search raw_search raw_index bench_corpus) and scriptindex
(xapian-omega), quest, xapian-compact and xapian-delve (xapian-tools). Timings are wall-clock;
a busy machine makes them noisy, which the alternation and medians only partly absorb."""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent.parent
NEWS = SOURCE.parent / "shared" / "corpora" / "news"
# The article folders of the shared corpus, without its READMEs, licences and word lists.
BBC_TOPICS = ("business", "entertainment", "politics", "sport", "tech")
DEFAULT_CORPUS = ([NEWS / "reuters21578" / "sgm-data"]
                  + [NEWS / "bbc" / topic for topic in BBC_TOPICS]
                  + [NEWS / "20newsgroups", NEWS / "buzzfeed-webis-2016" / "articles"])

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, str(HERE))
import batch_latency  # noqa: E402  (beside this file)
import shard_latency  # noqa: E402

from report import print_report  # noqa: E402


@dataclass
class Mode:
    articles: int          # 0: the whole corpus
    runs: int              # alternating rounds of the main indexing comparison
    feature_runs: int      # rounds that also run each feature off alone
    oneshot_rounds: int    # rounds of one-shot searches
    growth: tuple = ()     # article counts of the growth curve


MODES = {
    # An even sample of the corpus: all of it, in all eight configurations, takes 10 to 15
    # minutes a round on 2 cores.
    "quick": Mode(articles=10000, runs=3, feature_runs=2, oneshot_rounds=10),
    "full": Mode(articles=0, runs=5, feature_runs=3, oneshot_rounds=20,
                 growth=(50000, 200000, 500000)),
}
QUERIES = 1000
ONESHOT_QUERIES = 5
FEATURES = ("entities", "language", "fingerprints", "spelling")


class BenchError(Exception):
    pass


@dataclass
class Sample:
    wall: float   # seconds
    cpu: float    # user + system seconds
    rss: int      # peak resident set, bytes


@dataclass
class Config:
    name: str
    argv: object            # db path -> command line
    main: bool = True       # part of every round (else only of the feature rounds)
    samples: list = field(default_factory=list)


def log(message):
    print(message, file=sys.stderr, flush=True)


def run_measured(argv, log_path):
    """Runs a program to its end; wall time, CPU time and peak RSS of that one child."""
    start = time.perf_counter()
    with open(log_path, "wb") as out:
        proc = subprocess.Popen([str(a) for a in argv], stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = Path(log_path).read_text(errors="replace")[-2000:]
        raise BenchError(f"{argv[0]} exited with {proc.returncode}:\n{tail}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024)


# ---- tools ----

def find_tools(build):
    tools = {
        "morgue-index": build / "indexer" / "morgue-index",
        "morgue-search": build / "searcher" / "morgue-search",
    }
    for name in ("raw_index", "raw_search", "bench_corpus"):
        tools[name] = build / "tests" / "bench" / name
    missing = [str(p) for p in tools.values() if not p.is_file()]
    if missing:
        raise BenchError("missing " + ", ".join(missing) + f"\nbuild them: cmake --build {build} "
                         "-j2 --target morgue-index morgue-search raw_search raw_index "
                         "bench_corpus (configured with -DMORGUE_BUILD_TESTS=ON)")
    for name, package in (("scriptindex", "xapian-omega"), ("quest", "xapian-tools"),
                          ("xapian-compact", "xapian-tools"), ("xapian-delve", "xapian-tools"),
                          ("xapian-tcpsrv", "xapian-tools")):
        path = shutil.which(name)
        if not path:
            raise BenchError(f"{name} not found: install the Debian package {package}")
        tools[name] = Path(path)
    return tools


def morgue_flags(morgue_index):
    """What this morgue-index accepts: its threads option, and per feature the flags that turn
    it off. Flags it does not know are left out, and notes say so."""
    help_text = subprocess.run([morgue_index, "--help"], capture_output=True,
                               text=True).stdout
    knows = lambda flag: re.search(r"(?<![\w-])" + re.escape(flag) + r"\b", help_text)
    notes = []
    threads = ["-j", "2"] if knows("--threads") else []
    if not threads:
        notes.append("morgue-index has no -j/--threads: run with its default threads")
    off = {}
    for feature in FEATURES:
        if feature == "language" and knows("--language"):
            # Naming the language of the articles turns detection off.
            off[feature] = ["--language", "en"]
        elif knows("--no-" + feature):
            off[feature] = ["--no-" + feature]
        else:
            notes.append(f"morgue-index has no --no-{feature}: {feature} stays on")
    return threads, off, notes


# ---- corpus ----

@dataclass
class Corpus:
    jsonl: Path
    dump: Path
    articles: int
    text_bytes: int


def prepare_corpus(tools, inputs, work, articles, name="corpus"):
    jsonl, dump = work / f"{name}.jsonl", work / f"{name}.dump"
    argv = [tools["bench_corpus"], "--jsonl", jsonl, "--dump", dump]
    if articles:
        argv += ["--articles", str(articles)]
    out = subprocess.run([str(a) for a in argv + inputs], capture_output=True, text=True)
    if out.returncode != 0:
        raise BenchError("bench_corpus failed:\n" + out.stderr)
    stats = dict(re.findall(r'"(\w+)":(\d+)', out.stdout))
    return Corpus(jsonl, dump, int(stats["articles"]), int(stats["text_bytes"]))


# ---- indexing ----

def index_configs(tools, corpus, threads, off):
    morgue = lambda flags: lambda db: [tools["morgue-index"], "-d", db, "--format", "jsonl",
                                       *threads, *flags, corpus.jsonl]
    all_off = [flag for flags in off.values() for flag in flags]
    configs = [
        Config("scriptindex", lambda db: [tools["scriptindex"], db, HERE / "index.script",
                                          corpus.dump]),
        Config("morgue all features", morgue([])),
        Config("raw_index (libxapian)", lambda db: [tools["raw_index"], db, corpus.dump]),
        Config("morgue features off", morgue(all_off)),
    ]
    for feature, flags in off.items():
        configs.append(Config(f"morgue no {feature}", morgue(flags), main=False))
    return configs


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def index_rounds(configs, work, mode):
    """Every configuration once per round, the order reversed every other round (A B B A) so
    that a machine speeding up or slowing down weighs on both sides."""
    for r in range(mode.runs):
        order = [c for c in configs if c.main or r < mode.feature_runs]
        if r % 2:
            order.reverse()
        for config in order:
            db = work / slug(config.name)
            shutil.rmtree(db, ignore_errors=True)
            sample = run_measured(config.argv(db), work / (slug(config.name) + ".log"))
            config.samples.append(sample)
            log(f"  round {r + 1}/{mode.runs}: {config.name}: {sample.wall:.1f} s")
            if not config.main:
                shutil.rmtree(db)  # only the main databases are measured: save the disk


def dir_sizes(db):
    return {p.name: p.stat().st_size for p in Path(db).iterdir() if p.is_file()}


def doc_count(tools, db):
    out = subprocess.run([tools["xapian-delve"], db], capture_output=True, text=True).stdout
    found = re.search(r"number of documents = (\d+)", out)
    return int(found.group(1)) if found else None


def measure_db(tools, db, work):
    """Documents, size, compacted size and the compacted tables of one database."""
    compact = Path(str(db) + ".compact")
    shutil.rmtree(compact, ignore_errors=True)
    run_measured([tools["xapian-compact"], db, compact], work / "compact.log")
    tables = dir_sizes(compact)
    shutil.rmtree(compact)
    return {"docs": doc_count(tools, db), "size": sum(dir_sizes(db).values()),
            "compact": sum(tables.values()), "tables": tables}


# ---- searching ----

def oneshot(tools, db, queries, rounds):
    """Median wall seconds of `quest -d DB Q` and `morgue-search -d DB Q`, alternating."""
    times = {"quest": [], "morgue": []}
    for _ in range(rounds):
        for q in queries:
            for name, argv in (("quest", [tools["quest"], "-d", db, q]),
                               ("morgue", [tools["morgue-search"], "-d", db, q])):
                start = time.perf_counter()
                subprocess.run([str(a) for a in argv], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
                times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def search_benchmarks(tools, db, mode):
    queries = batch_latency.draw_queries(str(tools["morgue-search"]), str(db), QUERIES)
    log(f"search: {QUERIES} queries x 3 rounds, --batch against raw_search")
    batch = batch_latency.measure(str(tools["morgue-search"]), str(tools["raw_search"]), str(db),
                                  queries)
    log(f"search: one-shot processes, {ONESHOT_QUERIES} queries x {mode.oneshot_rounds} rounds")
    picked = queries[:ONESHOT_QUERIES]
    return batch, oneshot(tools, db, picked, mode.oneshot_rounds), picked, queries


def shard_benchmarks(tools, corpus, work, threads, db, queries):
    """--batch latency over db and over its articles as 4 local and 2 remote shards; None
    (with a note) when this morgue-index cannot shard."""
    help_text = subprocess.run([tools["morgue-index"], "--help"], capture_output=True,
                               text=True).stdout
    if "--shards" not in help_text:
        return None
    log(f"shards: building 4 and 2 shards; {QUERIES} queries x 3 rounds over each layout")
    built = shard_latency.build_layouts(tools["morgue-index"], corpus.jsonl, work, threads)
    latency, same = shard_latency.measure(tools["morgue-search"], db, work, queries)
    for shards in (4, 2):
        shutil.rmtree(work / f"shards-{shards}", ignore_errors=True)
    return {"latency": latency, "same": same, "queries": len(queries), "built": built}


# ---- growth ----

def growth_point(tools, inputs, work, articles, threads):
    log(f"growth: {articles} articles")
    corpus = prepare_corpus(tools, inputs, work, articles, name="growth")
    db = work / "growth-db"
    shutil.rmtree(db, ignore_errors=True)
    sample = run_measured([tools["morgue-index"], "-d", db, "--format", "jsonl", *threads,
                           corpus.jsonl], work / "growth.log")
    corpus.jsonl.unlink()
    corpus.dump.unlink()
    search = str(tools["morgue-search"])
    queries = batch_latency.draw_queries(search, str(db), QUERIES)
    batch = batch_latency.measure(search, str(tools["raw_search"]), str(db), queries, rounds=1)
    shutil.rmtree(db)
    return {"articles": corpus.articles, "docs_per_s": corpus.articles / sample.wall,
            "rss": sample.rss, "batch": batch}


# ---- the run ----

def machine():
    cpu = "unknown cpu"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
    ram = int(mem.group(1)) / 2**20 if mem else 0
    load = Path("/proc/loadavg").read_text().split()[0]
    return f"{cpu}, {os.cpu_count()} cores, {ram:.1f} GiB RAM, load {load} at start"


def run(args, work):
    mode = MODES["full" if args.full else "quick"]
    if args.articles is not None:
        mode.articles = args.articles
    if args.runs:
        mode.runs = args.runs
        mode.feature_runs = min(mode.feature_runs, args.runs)
    if args.growth is not None:
        mode.growth = tuple(args.growth)
    tools = find_tools(Path(args.build).resolve())
    inputs = [str(p) for p in (args.corpus or DEFAULT_CORPUS)]
    threads, off, notes = morgue_flags(tools["morgue-index"])
    started = time.perf_counter()
    log(f"preparing the corpus in {work}")
    corpus = prepare_corpus(tools, inputs, work, mode.articles)
    configs = index_configs(tools, corpus, threads, off)
    index_rounds(configs, work, mode)
    sizes = {c.name: measure_db(tools, work / slug(c.name), work) for c in configs if c.main}
    morgue_db = work / slug("morgue all features")
    batch, shots, picked, queries = search_benchmarks(tools, morgue_db, mode)
    shards = shard_benchmarks(tools, corpus, work, threads, morgue_db, queries)
    if shards is None:
        notes.append("morgue-index has no --shards: no sharded search figures")
    for c in configs:
        shutil.rmtree(work / slug(c.name), ignore_errors=True)
    growth = [growth_point(tools, inputs, work, n, threads) for n in mode.growth]
    print_report({"mode": "full" if args.full else "quick", "machine": machine(),
                  "corpus": corpus, "mode_spec": mode, "threads": threads, "notes": notes,
                  "configs": configs, "sizes": sizes, "batch": batch, "oneshot": shots,
                  "oneshot_queries": picked, "shards": shards, "growth": growth,
                  "minutes": (time.perf_counter() - started) / 60})


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=str(SOURCE / "build"),
                        help="build directory with the programs (default: build)")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--quick", action="store_true",
                       help="10,000 of the articles, 3 rounds (the default; about 10 minutes)")
    which.add_argument("--full", action="store_true",
                       help="every article, 5 rounds, and the growth curve to 500,000 articles "
                            "(about 2 hours and 8 GB of disk on 2 cores)")
    parser.add_argument("--corpus", nargs="+", metavar="PATH",
                        help="inputs instead of the shared news corpus")
    parser.add_argument("--articles", type=int, help="articles of the main comparison "
                        "(0: all of the corpus; more than it: copies are added)")
    parser.add_argument("--runs", type=int, help="alternating rounds of the indexing comparison")
    parser.add_argument("--growth", type=int, nargs="*", metavar="N",
                        help="article counts of the growth curve (--full: 50000 200000 500000)")
    parser.add_argument("--work", help="work directory, kept afterwards (default: a temporary "
                        "one, removed)")
    return parser.parse_args()


def main():
    args = parse_args()
    if args.full:
        log("full mode: about 2 hours on 2 cores; needs about 8 GB free in the work directory")
    work = Path(args.work or tempfile.mkdtemp(prefix="morgue-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        run(args, work.resolve())
    except (BenchError, subprocess.CalledProcessError, RuntimeError) as e:
        sys.exit(f"run.py: error: {e}")
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
