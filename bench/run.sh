#!/bin/sh
# Times relgraph end to end against what a user would pick instead, on the
# same corpus in the same run (the machines are noisy: compare ratios).
#
#   bench/run.sh CORPUS_DIR [RELGRAPH]      (make one with bench/make_corpus.py)
#
# 1. relgraph CORPUS -o out.graphml --report report.txt  (walk -> GraphML +
#    report, shipped dictionary, all relations on)
# 2. ../shared/bench/baseline.py CORPUS gazetteer.tsv --graphml (Python,
#    pyahocorasick + networkx), when ../shared/bench is there
# 3. LC_ALL=C grep -r -F -c -f ALIASES CORPUS over relgraph's own aliases
# Prints wall seconds, MB/s, peak RSS (/usr/bin/time -v) and the ratios.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
corpus=$1
bin=${2:-$here/../build/bin/relgraph}
shared=$here/../../shared/bench
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mb=$(du -sb --apparent-size "$corpus" | awk '{print $1 / 1e6}')
cat "$corpus"/* >/dev/null 2>&1 || true    # into the page cache

# time_it NAME CMD...: runs CMD under /usr/bin/time -v, prints a row and
# remembers its seconds in $tmp/NAME.s
time_it() {
  name=$1; shift
  /usr/bin/time -v -o "$tmp/$name.time" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" ||
    { echo "bench: $name failed:"; tail -5 "$tmp/$name.err"; return 1; }
  s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); v = 0;
        for (i = 1; i <= n; i++) v = v * 60 + t[i]; print v}' "$tmp/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2 / 1024}' "$tmp/$name.time")
  echo "$s" >"$tmp/$name.s"
  awk -v n="$name" -v s="$s" -v mb="$mb" -v r="$rss" \
    'BEGIN {printf "%-10s %8.2f s %9.1f MB/s %9.1f MiB peak RSS\n", n, s, mb / s, r}'
}

echo "corpus: $corpus ($mb MB)"
time_it relgraph "$bin" "$corpus" -q -o "$tmp/out.graphml" --report "$tmp/report.txt"
grep -v '^#' "$here/../dict/aliases.tsv" | tail -n +2 | cut -f3 | grep -v '^$' | sort -u >"$tmp/aliases.txt"
time_it grep sh -c "LC_ALL=C grep -r -F -c -f '$tmp/aliases.txt' '$corpus' | tail -1"
if [ ! -f "$shared/baseline.py" ]; then
  echo "bench: baseline skipped: $shared/baseline.py not found (../shared beside the repo?)"
elif ! /usr/bin/python3 -c 'import ahocorasick, networkx, scipy' 2>/dev/null; then
  echo "bench: baseline skipped: /usr/bin/python3 lacks ahocorasick, networkx or scipy" \
    "(apt-get install python3-pyahocorasick python3-networkx python3-scipy)"
else
  time_it baseline /usr/bin/python3 "$shared/baseline.py" "$corpus" "$shared/gazetteer.tsv" \
    --graphml "$tmp/baseline.graphml"
fi
r=$(cat "$tmp/relgraph.s")
awk -v r="$r" -v g="$(cat "$tmp/grep.s")" 'BEGIN {printf "relgraph/grep:     %.2fx the throughput of LC_ALL=C grep -F -c\n", g / r}'
[ -f "$tmp/baseline.s" ] &&
  awk -v r="$r" -v b="$(cat "$tmp/baseline.s")" 'BEGIN {printf "relgraph/baseline: %.1fx the throughput of baseline.py\n", b / r}'
exit 0
