#!/bin/sh
# Runs the Hadoop Streaming recipe of docs/SCALING.md locally, the way
# Hadoop would run it: mapper `relgraph tally -q --files-from - -o -` over
# lists of document paths, the shuffle (a bytewise sort on the first
# tab-separated field, values of one key in any order), combiner and reducer
# `relgraph merge -q - -o -`, and `relgraph merge part-00000 -o NET`.
# Between the stages every line goes through Hadoop's key/value split (a
# line without a tab comes back with one at its end).  Variants: the
# pipeline of the docs as one pipe; several mappers over random shard lists
# (one of them empty) without a combiner; the same with a combiner run
# zero, one or two times per map output; a two-level merge of .tally files
# (and, with RG_TEST_SPILLS=1, the combiner on spills of a map output,
# which docs/SCALING.md advises against).  Each must give a network and
# report byte-identical to one run over the same files.  RG_SEED=N repeats
# a run (the seed is printed on failure); RG_KEEP=1 keeps the working
# directory.
# Exit 0 pass, 1 fail, 77 skipped (a required tool is missing).
# Usage: scaling_streaming.sh RELGRAPH SOURCE_DIR [SHARED_DIR]
set -eu
[ $# -ge 2 ] || { echo "usage: scaling_streaming.sh RELGRAPH SOURCE_DIR [SHARED_DIR]" >&2; exit 1; }
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
shared=${3:-$src/../shared}
seed=${RG_SEED:-$$}

skip() { echo "scaling_streaming: skipped: $*" >&2; exit 77; }
fail() { echo "FAIL scaling_streaming (RG_SEED=$seed): $*" >&2; exit 1; }
for t in awk sort split cmp; do
  command -v "$t" >/dev/null 2>&1 || skip "$t not installed"
done
[ -x "$bin" ] || fail "no relgraph binary at $1"

tmp=$(mktemp -d /tmp/relgraph-streaming.XXXXXX)
trap '[ -n "${RG_KEEP:-}" ] || rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
tab=$(printf '\t')

mapper() { "$bin" tally -q --files-from - -o -; }
reducer() { "$bin" merge -q - -o -; }
# Hadoop's shuffle: bytewise by the key (the first field), and the values of
# one key in no particular order (shuffled here; a stable sort keeps that).
shuffle() {
  LC_ALL=C awk -v s="$seed$1" 'BEGIN { srand(s) } { printf "%.9f\t%s\n", rand(), $0 }' |
    LC_ALL=C sort -t "$tab" -k1,1 | cut -f2- | LC_ALL=C sort -s -t "$tab" -k1,1
}
# What a line looks like after Hadoop split it into key and value and wrote
# it out again (TextInputWriter, TextOutputFormat): key TAB value.
kv() { LC_ALL=C awk 'index($0, "\t") { print; next } { print $0 "\t" }'; }

# The corpus: the seeds, the examples, a few awkward files and names, and,
# with python3, 1 MB from bench/make_corpus.py (articles repeated across
# documents, so that weights, document counts and the first evidence of an
# edge come from several shards).
cd "$tmp"
mkdir -p corpus/seeds corpus/examples corpus/odd
if [ -d "$shared/seeds" ]; then cp "$shared"/seeds/* corpus/seeds/; fi
(cd "$src/examples" && find . -name '*.txt' -exec cp --parents {} "$tmp/corpus/examples/" \;)
printf 'Die NATO warnt Pj\366ngjang vor Russland.\n' > corpus/odd/latin1.txt
printf '<html><body><p>Kim Jong-un trifft Putin in Moskau.</p></body></html>\n' > corpus/odd/page.html
: > corpus/odd/empty.txt
cp corpus/examples/01_nato_nordkorea_truppen.txt "corpus/odd/mit Leerzeichen und Ä.txt"
cp corpus/examples/05_china_xi_putin_treffen.txt "corpus/odd/tab${tab}im Namen.txt"
if command -v python3 >/dev/null 2>&1; then
  python3 "$src/bench/make_corpus.py" corpus/bench 1 corpus/seeds >/dev/null
fi
find corpus -type f | LC_ALL=C sort > all.list
ndocs=$(wc -l < all.list)
"$bin" -q corpus -o single.graphml --report single.csv --top 0 || fail "single run: exit $?"

check() { # NAME TALLY: the tally as a network and report, against the single run
  "$bin" merge -q "$2" -o "$1.graphml" --report "$1.csv" --top 0 ||
    fail "$1: relgraph merge $2 -o $1.graphml: exit $?"
  cmp single.graphml "$1.graphml" || fail "$1: network differs from the single run"
  cmp single.csv "$1.csv" || fail "$1: report differs from the single run"
  echo "PASS scaling_streaming $1"
}

# 1. The docs' local test, as one pipe.
# shellcheck disable=SC2002 # as in the docs
cat all.list | mapper | LC_ALL=C sort -t "$tab" -k1,1 | reducer > pipe.tally
check pipe pipe.tally

# Random shard lists: each document to one of 2-5 mappers, in random order;
# one more mapper gets an empty list (Hadoop runs one for an empty input file).
nmap=$(LC_ALL=C awk -v s="$seed" 'BEGIN { srand(s); print 2 + int(rand() * 4) }')
mkdir -p lists map
LC_ALL=C awk -v s="$seed" -v n="$nmap" 'BEGIN { srand(s) }
  { printf "%.9f\t%s\n", rand(), $0 > ("lists/" int(rand() * n)) }' all.list
: > "lists/$nmap"
for l in lists/*; do
  LC_ALL=C sort -t "$tab" -k1,1 "$l" | cut -f2- > "$l.paths"
  mapper < "$l.paths" > "map/${l##*/}" || fail "mapper over $l.paths: exit $?"
done
[ "$(cat lists/*.paths | LC_ALL=C sort | cmp - all.list && echo same)" = same ] ||
  fail "the shard lists do not hold every document exactly once"

# 2. Without a combiner: every map output into one reducer.
cat map/* | kv | shuffle r > reduce.in
reducer < reduce.in > reduce.out || fail "reducer: exit $?"
kv < reduce.out > part-00000
check nocombiner part-00000

# 3. With a combiner.  A map output holds each key once, so Hadoop's
# combiner cannot shrink it, but may run it, any number of times: here once
# on the sorted output of even mappers, twice on odd ones; mapper 0's output
# goes to the reducer uncombined.
combine() { # IN OUT SEED
  kv < "$1" | shuffle "$3" > "$2.in"
  "$bin" merge -q - -o - < "$2.in" > "$2.out" || fail "combiner on $1: exit $?"
  kv < "$2.out" > "$2"
  rm "$2.in" "$2.out"
}
mkdir -p comb
for m in map/*; do
  i=${m##*/}
  if [ "$i" = 0 ]; then cp "$m" "comb/$i"; continue; fi
  combine "$m" "comb/$i" "c$i"
  if [ $((i % 2)) = 1 ]; then combine "comb/$i" "comb/$i.2" "d$i" && mv "comb/$i.2" "comb/$i"; fi
done
cat comb/* | kv | shuffle r > reduce.in
"$bin" merge -q - -o - < reduce.in > reduce.out || fail "reducer after combiners: exit $?"
kv < reduce.out > part-00000.c
check combiner part-00000.c

# 3b. (RG_TEST_SPILLS=1) The combiner on spills: a map output bigger than
# Hadoop's sort buffer is sorted and combined in pieces, and only the first
# piece holds the tally's header line.  docs/SCALING.md says to leave the
# combiner out (it cannot shrink a tally); this shows what happens if not.
if [ "${RG_TEST_SPILLS:-0}" = 1 ]; then
  mkdir -p spill
  for m in map/*; do
    i=${m##*/}
    n=$(wc -l < "$m")
    cut=$(LC_ALL=C awk -v s="$seed$i" -v n="$n" 'BEGIN { srand(s); print 1 + int(rand() * n) }')
    head -n "$cut" "$m" > "spill/$i.a"
    tail -n +"$((cut + 1))" "$m" > "spill/$i.b"
    for p in "spill/$i.a" "spill/$i.b"; do # Hadoop runs no combiner on nothing
      if [ -s "$p" ]; then combine "$p" "$p.c" "$i${p##*.}" && mv "$p.c" "$p"; fi
    done
  done
  cat spill/* | kv | shuffle r > reduce.in
  "$bin" merge -q - -o - < reduce.in > reduce.out || fail "reducer after spill combiners: exit $?"
  kv < reduce.out > part-00000.s
  check spills part-00000.s
fi

# 4. Hierarchical reduction of tally files: pairs merged to .tally, then all.
mkdir -p tree
set -- map/*
while [ $# -ge 2 ]; do
  "$bin" merge -q "$1" "$2" -o "tree/${1##*/}-${2##*/}.tally" || fail "merge $1 $2 -o .tally: exit $?"
  shift 2
done
[ $# -eq 0 ] || cp "$1" "tree/${1##*/}.tally"
"$bin" merge -q tree/*.tally -o tree.tally || fail "merge tree/*.tally -o tree.tally: exit $?"
check tree tree.tally

echo "scaling_streaming: $ndocs documents, $((nmap + 1)) mappers, RG_SEED=$seed: all passed"
