"""The table run.py prints: figures, ratios and the targets they are held to."""
import statistics

MB = 1e6
MIB = 2**20
GIB = 2**30
TABLES = ("postlist", "position", "termlist", "docdata", "spelling", "record")


def docs_per_s(config, articles):
    return articles / statistics.median(s.wall for s in config.samples)


def by_name(configs):
    return {c.name: c for c in configs}


def header(r):
    corpus, mode = r["corpus"], r["mode_spec"]
    print(f"morgue benchmarks ({r['mode']}): {corpus.articles:,} articles, "
          f"{corpus.text_bytes / MB:.1f} MB of text; medians of {mode.runs} alternating runs")
    print(f"machine: {r['machine']}")
    print(f"morgue-index runs with: {' '.join(r['threads']) or '(default threads)'}")
    for note in r["notes"]:
        print(f"note: {note}")
    print()


def indexing_table(r):
    articles = r["corpus"].articles
    print(f"{'Indexing':30}{'runs':>5}{'docs/s':>9}{'MB/s':>7}{'CPU s':>8}{'RSS MiB':>9}"
          f"{'docs':>8}{'db MB':>8}{'compact':>9}")
    for c in r["configs"]:
        wall = statistics.median(s.wall for s in c.samples)
        cpu = statistics.median(s.cpu for s in c.samples)
        rss = max(s.rss for s in c.samples) / MIB
        size = r["sizes"].get(c.name)
        tail = (f"{size['docs'] or 0:>8}{size['size'] / MB:8.0f}{size['compact'] / MB:9.0f}"
                if size else "")
        print(f"{c.name:30}{len(c.samples):5}{articles / wall:9.0f}"
              f"{r['corpus'].text_bytes / MB / wall:7.2f}{cpu:8.1f}{rss:9.0f}{tail}")
    print()


def paired_speedup(config, base, key):
    """Median over the rounds both ran of base / config, in wall or CPU seconds: pairing each
    run with the all-on run of its own round cancels part of the drift of a shared machine."""
    return statistics.median(getattr(b, key) / getattr(s, key)
                             for s, b in zip(config.samples, base.samples))


def feature_table(r):
    base = by_name(r["configs"])["morgue all features"]
    rows = [c for c in r["configs"] if not c.main]
    if not rows:
        return
    print(f"{'Per-feature cost (that feature off)':36}{'docs/s':>8}{'vs all on':>11}"
          f"{'CPU saved':>11}")
    for c in rows:
        speedup = paired_speedup(c, base, "wall")
        cpu = paired_speedup(c, base, "cpu")
        print(f"  {c.name[len('morgue no '):]:34}{docs_per_s(c, r['corpus'].articles):8.0f}"
              f"{speedup:10.2f}x{100 * (1 - 1 / cpu):10.0f}%")
    print("  (each paired with the all-features run of its round; CPU time, unlike docs/s,")
    print("  hardly moves with the load other programs put on the machine)")
    print()


def tables_table(r):
    print(f"{'Compacted tables, MB':24}" + "".join(f"{t:>9}" for t in TABLES) + f"{'other':>8}"
          f"{'total':>8}")
    for name in ("morgue all features", "scriptindex"):
        tables = r["sizes"][name]["tables"]
        cells = [tables.get(t + ".glass") for t in TABLES]
        known = sum(v for v in cells if v)
        row = "".join(f"{v / MB:9.1f}" if v is not None else f"{'-':>9}" for v in cells)
        print(f"{name:24}{row}{(sum(tables.values()) - known) / MB:8.1f}"
              f"{sum(tables.values()) / MB:8.1f}")
    print()


def search_table(r):
    batch, shots = r["batch"], r["oneshot"]
    print(f"{'Search':44}{'median':>10}{'p99':>10}")
    print(f"{'raw libxapian loop (raw_search), us/query':44}{batch['raw'][0]:10.0f}"
          f"{batch['raw'][1]:10.0f}")
    print(f"{'morgue-search --batch, us/query':44}{batch['morgue'][0]:10.0f}"
          f"{batch['morgue'][1]:10.0f}")
    print(f"{'quest -d DB QUERY, ms/process':44}{shots['quest'] * 1e3:10.1f}")
    print(f"{'morgue-search -d DB QUERY, ms/process':44}{shots['morgue'] * 1e3:10.1f}")
    print(f"  one-shot queries: {'; '.join(r['oneshot_queries'])}")
    print()


def shards_table(r):
    shards = r["shards"]
    if not shards:
        return
    latency, built = shards["latency"], shards["built"]
    one = by_name(r["configs"])["morgue all features"]
    built = dict(built, **{"one database": statistics.median(s.wall for s in one.samples)})
    base = latency["one database"][0]
    print(f"{'Sharded search, us/query':30}{'median':>9}{'p99':>9}{'vs one db':>11}"
          f"{'index s':>9}")
    for name, (median, p99) in latency.items():
        print(f"{name:30}{median:9.0f}{p99:9.0f}{median / base:10.2f}x{built[name]:9.1f}")
    print(f"  identical hits (and exact totals) in all three for {shards['same']} of "
          f"{shards['queries']} queries; remote shards are served by xapian-tcpsrv on loopback")
    print()


def growth_table(r):
    if not r["growth"]:
        return
    # The raw loop's median beside morgue's tells growth that is Xapian's from growth of ours.
    print(f"{'Growth, morgue all features':30}{'docs/s':>9}{'RSS MiB':>9}{'median us':>11}"
          f"{'p99 us':>9}{'raw median':>12}")
    for g in r["growth"]:
        print(f"{g['articles']:>12,} articles{'':9}{g['docs_per_s']:9.0f}{g['rss'] / MIB:9.0f}"
              f"{g['batch']['morgue'][0]:11.0f}{g['batch']['morgue'][1]:9.0f}"
              f"{g['batch']['raw'][0]:12.0f}")
    print()


def target_rows(r):
    """(what, value, target text, met) for each target of the issue."""
    configs, articles = by_name(r["configs"]), r["corpus"].articles
    speed = lambda name: docs_per_s(configs[name], articles)
    rss = max(s.rss for c in r["configs"] if c.name.startswith("morgue") for s in c.samples)
    sizes, batch = r["sizes"], r["batch"]
    rows = [
        ("morgue all features / scriptindex, docs/s",
         speed("morgue all features") / speed("scriptindex"), ">= 1.6x", lambda v: v >= 1.6),
        ("morgue features off / raw_index, docs/s",
         speed("morgue features off") / speed("raw_index (libxapian)"), ">= 1.6x",
         lambda v: v >= 1.6),
        ("morgue-index peak RSS, GiB", rss / GIB, "< 1.5", lambda v: v < 1.5),
        ("compacted db, morgue / scriptindex",
         sizes["morgue all features"]["compact"] / sizes["scriptindex"]["compact"], "<= 1.5x",
         lambda v: v <= 1.5),
        ("--batch median / raw loop median", batch["morgue"][0] / batch["raw"][0], "<= 1.2x",
         lambda v: v <= 1.2),
        ("--batch p99 / raw loop p99", batch["morgue"][1] / batch["raw"][1], "<= 1.5x",
         lambda v: v <= 1.5),
        ("one-shot morgue-search / quest", r["oneshot"]["morgue"] / r["oneshot"]["quest"],
         "<= 1.5x", lambda v: v <= 1.5),
    ]
    if len(r["growth"]) >= 2:
        first, last = r["growth"][0], r["growth"][-1]
        span = f"{last['articles'] // 1000}k / {first['articles'] // 1000}k"
        rows += [
            (f"growth docs/s, {span}", last["docs_per_s"] / first["docs_per_s"], ">= 0.7x",
             lambda v: v >= 0.7),
            (f"growth median latency, {span}",
             last["batch"]["morgue"][0] / first["batch"]["morgue"][0], "<= 5x",
             lambda v: v <= 5),
        ]
    return [(what, value, target, met(value)) for what, value, target, met in rows]


def targets_table(r):
    print(f"{'Targets':44}{'value':>8}{'target':>10}{'met':>6}")
    for what, value, target, met in target_rows(r):
        print(f"{what:44}{value:8.2f}{target:>10}{'yes' if met else 'NO':>6}")
    print()


def print_report(r):
    header(r)
    indexing_table(r)
    feature_table(r)
    tables_table(r)
    search_table(r)
    shards_table(r)
    growth_table(r)
    targets_table(r)
    print(f"({r['mode']} mode took {r['minutes']:.1f} minutes)")
