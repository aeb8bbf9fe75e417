#!/usr/bin/env bash
# The newswire, mail, XML, CSV and web-archive readers on the real dumps in ../shared/corpora
# (issue 4's "Done means"): counts, dates, titles, authors and sources, the collections' own
# tags, German stemming, and warcio's broken crawl files. The expected figures are computed
# from the dumps themselves where they can be. Skipped (exit 77) where the corpora are absent.
. "$(dirname "$0")/lib.sh"
CORPORA="$MORGUE_SOURCE_DIR/../shared/corpora"
NEWS="$CORPORA/news"
WARC="$CORPORA/warc/warcio-test-data"
for need in "$NEWS/reuters21578/sgm-data" "$NEWS/20newsgroups" "$NEWS/buzzfeed-webis-2016" \
    "$NEWS/multilingual/de-10kGNAD/test.csv" "$WARC"; do
    if [ ! -e "$need" ]; then
        echo "skipped: $need (the shared corpora) is absent"
        exit 77
    fi
done
# The exact number of matches, counted from the ids.
total() {
    "$MORGUE_SEARCH" -d "$1" --format ids --limit 100000 "${2:-*}" 2>/dev/null | wc -l | tr -d ' '
}
hits() { "$MORGUE_SEARCH" -d "$1" --format jsonl --limit 100000 '*' >"$2"; }

# Reuters-21578: every record, dated within the collection's span, titled by its <TITLE>.
"$MORGUE_INDEX" -d "$TMP/reuters" "$NEWS/reuters21578/sgm-data" 2>"$TMP/err"
expect_contains "reuters summary" "$TMP/err" "21578 added, 0 replaced, 0 skipped, 0 undated"
expect_eq "reuters documents" 21578 "$(total "$TMP/reuters")"
expect_eq "reuters dated 1987-02-26..1987-10-20" 21578 \
    "$(total "$TMP/reuters" 'date:1987-02-26..1987-10-20')"
expect_eq "reuters source" 21578 "$(total "$TMP/reuters" 'source:reuters')"
hits "$TMP/reuters" "$TMP/reuters.jsonl"
python3 - "$NEWS/reuters21578/sgm-data" "$TMP/reuters.jsonl" "$TMP/reuters-expected" <<'PY'
import glob, json, re, sys
CONTROL = re.compile(r"&#(\d+);")
def text(s):
    s = CONTROL.sub(lambda m: "" if int(m.group(1)) < 32 else chr(int(m.group(1))), s)
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(s.split())
titles, codes = {}, {"cocoa": 0, "el-salvador": 0, "usa": set()}
for path in sorted(glob.glob(sys.argv[1] + "/*.sgm")):
    data = open(path, "rb").read().decode("cp1252", errors="ignore")
    for record in re.split(r"<REUTERS ", data)[1:]:
        newid = re.search(r'NEWID="(\d+)"', record).group(1)
        title = re.search(r"<TITLE>(.*?)</TITLE>", record, re.S)
        if title:
            titles["reuters-" + newid] = text(title.group(1))
        lists = {name: re.findall(r"<D>(.*?)</D>", (re.search(
            rf"<{name}>(.*?)</{name}>", record, re.S) or re.match("()", "")).group(1))
            for name in ("TOPICS", "PLACES", "PEOPLE", "ORGS", "EXCHANGES")}
        codes["cocoa"] += "cocoa" in lists["TOPICS"]
        codes["el-salvador"] += any("el-salvador" in lists[n] for n in lists if n != "TOPICS")
        if "usa" in lists["PLACES"]:
            codes["usa"].add("reuters-" + newid)
hits = [json.loads(line) for line in open(sys.argv[2])]
same = sum(1 for h in hits if titles.get(h["id"]) == h["title"])
with open(sys.argv[3], "w") as out:
    print(same, codes["cocoa"], codes["el-salvador"], file=out)
    print("\n".join(sorted(codes["usa"])), file=out)
PY
read -r titled cocoa salvador <"$TMP/reuters-expected"
expect_eq "reuters documents titled by their <TITLE>" 20841 "$titled"
# The collection's own codes (these need topic:, tag: and place: in the schema).
expect_eq "reuters topic:cocoa" "$cocoa" "$(total "$TMP/reuters" 'topic:cocoa')"
expect_eq "reuters tag:el-salvador" "$salvador" "$(total "$TMP/reuters" 'tag:el-salvador')"
tail -n +2 "$TMP/reuters-expected" >"$TMP/usa-coded"
"$MORGUE_SEARCH" -d "$TMP/reuters" --format ids --limit 100000 'place:"United States"' 2>&1 |
    sort >"$TMP/usa-found"
expect_eq "reuters PLACES usa found by place:\"United States\"" 0 \
    "$(comm -23 "$TMP/usa-coded" "$TMP/usa-found" | wc -l | tr -d ' ')"

# Analysis on the collection's own codes: crude leads the topics of oil stories, and a cocoa
# timeline adds up to the number of cocoa matches.
"$MORGUE_SEARCH" -d "$TMP/reuters" --format json --limit 0 --facet topic:3 oil >"$TMP/oil.json"
expect_eq "reuters --facet topic for oil: crude first" crude \
    "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["facets"]["topic"][0]["value"])' "$TMP/oil.json")"
"$MORGUE_SEARCH" -d "$TMP/reuters" --format json --limit 0 --histogram month cocoa >"$TMP/cocoa.json"
expect_eq "reuters --histogram month for cocoa sums to the matches" \
    "$("$MORGUE_SEARCH" -d "$TMP/reuters" --count cocoa)" \
    "$(python3 -c 'import json,sys; print(sum(b["count"] for b in json.load(open(sys.argv[1]))["histogram"]))' "$TMP/cocoa.json")"

# 20 Newsgroups: one post per file, the newsgroup from the spool folder, Subject and From.
"$MORGUE_INDEX" -d "$TMP/news" "$NEWS/20newsgroups" 2>"$TMP/err"
expect_eq "20newsgroups documents" 18846 "$(total "$TMP/news")"
hits "$TMP/news" "$TMP/news.jsonl"
python3 - "$NEWS" "$TMP/news.jsonl" "$TMP/err" <<'PY' && pass || fail "20newsgroups fields"
import json, os, re, sys
hits = [json.loads(line) for line in open(sys.argv[2])]
groups = {h["source"] for h in hits}
folders = set(os.listdir(sys.argv[1] + "/20newsgroups/20news-bydate-train"))
problems = []
if groups != folders:
    problems.append(f"sources {sorted(groups ^ folders)}")
undated = 0
for h in hits:
    raw = open(os.path.join(sys.argv[1], h["id"]), "rb").read().split(b"\n\n", 1)[0]
    try:
        head = raw.decode("utf-8")
    except UnicodeDecodeError:
        head = raw.decode("cp1252", errors="ignore")
    head = re.sub(r"\n[ \t]+", " ", head)
    fields = dict(reversed(re.findall(r"^([!-9;-~]+):[ \t]*(.*)$", head, re.M)))
    fields = {k.lower(): v for k, v in fields.items()}
    subject = re.sub(r"(\s+<[^<>\s]*@[^<>\s]*>)+$", "", fields.get("subject", ""))
    subject = " ".join("".join(c for c in subject if c >= " ").split())
    if subject and h["title"] != subject:
        problems.append(f"{h['id']}: title {h['title']!r}, Subject {subject!r}")
    sender = fields.get("from", "").replace("\\", "")  # quoted-pair escapes
    authors = [a.replace("\\", "") for a in h["authors"]]
    if any(a not in sender for a in authors) or (re.search(r"\w", sender) and not authors):
        problems.append(f"{h['id']}: authors {h['authors']}, From {sender!r}")
    undated += "date" not in fields
summary = open(sys.argv[3]).read()
if f" {undated} undated" not in summary:
    problems.append(f"summary does not count {undated} undated: {summary[-300:]}")
for p in problems[:10]:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY

# BuzzFeed-Webis: one XML article per file; portal counts as overview.csv gives them.
BUZZ="$NEWS/buzzfeed-webis-2016"
"$MORGUE_INDEX" -d "$TMP/buzz" "$BUZZ/articles" 2>"$TMP/err"
expect_eq "buzzfeed documents" "$(ls "$BUZZ/articles" | wc -l | tr -d ' ')" "$(total "$TMP/buzz")"
expect_eq "buzzfeed documents (issue figure)" 1627 "$(total "$TMP/buzz")"
while IFS=, read -r portal expected; do
    expect_eq "buzzfeed source:$portal" "$expected" "$(total "$TMP/buzz" "source:$portal")"
done < <(python3 - "$BUZZ/overview.csv" <<'PY'
import collections, csv, sys
portals = collections.Counter(row["portal"] for row in csv.DictReader(open(sys.argv[1])))
for portal, n in sorted(portals.items()):
    print(f"{portal},{n}")
PY
)

# 10kGNAD: a German CSV without header; the query is stemmed in German.
GNAD="$NEWS/multilingual/de-10kGNAD/test.csv"
"$MORGUE_INDEX" -d "$TMP/gnad" --no-header --columns category,body --delimiter ';' --quote "'" \
    "$GNAD" 2>"$TMP/err"
expect_eq "10kGNAD documents" 1028 "$(total "$TMP/gnad")"
expect_eq "10kGNAD lang:de" 1028 "$(total "$TMP/gnad" 'lang:de')"
"$MORGUE_SEARCH" -d "$TMP/gnad" --format ids --limit 2000 '"Gewerkschaft"' | sort >"$TMP/singular"
"$MORGUE_SEARCH" -d "$TMP/gnad" --format ids --limit 2000 'Gewerkschaften' | sort >"$TMP/plural"
expect_eq "10kGNAD documents with Gewerkschaft" yes "$([ -s "$TMP/singular" ] && echo yes)"
expect_eq "Gewerkschaften finds every Gewerkschaft document" 0 \
    "$(comm -23 "$TMP/singular" "$TMP/plural" | wc -l | tr -d ' ')"

# warcio's test files: each is read or rejected with a message, never a crash; the valid
# ones give their HTML page. FILE ADDED URL (its start; - for none)
url_of() { "$MORGUE_SEARCH" -d "$1" --format tsv '*' | awk -F'\t' 'NR==2 {print $7}'; }
while read -r file added url; do
    "$MORGUE_INDEX" -d "$TMP/warc-$file" "$WARC/$file" >"$TMP/out" 2>"$TMP/err-$file"
    expect_eq "$file exit code" 0 "$?"
    expect_contains "$file summary" "$TMP/err-$file" "morgue-index: $added added,"
    found=$(url_of "$TMP/warc-$file")
    if [ "$url" != - ] && [ "${found#"$url"}" == "$found" ]; then
        fail "$file url: expected [$url...], got [$found]"
    else
        pass
    fi
done <<'TABLE'
LICENSE 1 -
bad.arc 0 -
example-bad-non-chunked.warc.gz 1 http://example.com/
example-bad.warc.gz.bad 1 http://example.com?example=1
example-digest.warc 0 -
example-iana.org-chunked.warc 1 http://iana.org/
example-resource.warc.gz 1 http://example.com/
example-space-in-target-uri.warc.gz 0 -
example-space-in-url.arc 1 http://example.com/index.cfm?FuseAction=Email&EmailTitle=Examples%20
example-trunc.warc 1 http://example.com/
example-wget-bad-target-uri.warc.gz 1 http://example.com/
example-wrong-chunks.warc.gz 1 http://example.com/
example.arc 1 http://example.com/
example.arc.gz 1 http://example.com/
example.warc 1 http://example.com/
example.warc.gz 1 http://example.com/
post-test.warc.gz 0 -
TABLE
# The damaged ones are named with the record and its byte offset. FILE|WHAT FOLLOWS ITS PATH
while IFS='|' read -r file message; do
    expect_contains "$file message" "$TMP/err-$file" "$WARC/$file$message"
done <<'TABLE'
bad.arc|:1: record 1 at byte offset 0: ARC header without a valid length
bad.arc|:4: record 4 at byte offset 262: ARC header without a valid length
example-space-in-url.arc|:2: record 2 at byte offset 151: the file ends after 1579 of
example-trunc.warc|:3: record 3 at byte offset 1197: the gzip content is cut short
example-trunc.warc|:3: byte offset 2560: no WARC record header
example.warc|: 5 records skipped: 2 warcinfo, 2 request, 1 revisit
TABLE
expect_eq "every warcio test file covered" "$(ls "$WARC" | wc -l | tr -d ' ')" 17
finish
