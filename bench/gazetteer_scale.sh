#!/bin/sh
# gazetteer_scale.sh — does matching stay flat when the dictionary grows?
#
# Usage:  bench/gazetteer_scale.sh [RELGRAPH [N [MB]]]
#   RELGRAPH  the binary (default build/bin/relgraph)
#   N         aliases in the big dictionary (default 1000000)
#   MB        corpus size: examples/ repeated to about MB megabytes (default 20)
#
# Needs ../shared/bench/make_big_gazetteer.py beside the repository and
# /usr/bin/python3.  Writes only under a fresh directory in $TMPDIR (removed
# at the end).  The big dictionary (alias<TAB>id<TAB>type lines) is turned
# into relgraph's actors/aliases tables: each synthetic id becomes an actor,
# every alias a `name` alias (morph.c then adds genitives etc. as for the
# shipped dictionary).  Prints, for the shipped dictionary and for the
# shipped one plus the big one, the time to load the dictionary (a run on
# an empty input) and the matching throughput on the corpus (MB/s over
# the whole run minus the load), best of 3 runs each, and the slowdown.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/bin/relgraph}
n=${2:-1000000}
mb=${3:-20}
shared=$here/../shared/bench
[ -x "$bin" ] || { echo "gazetteer_scale: no binary at $bin" >&2; exit 1; }
[ -f "$shared/make_big_gazetteer.py" ] || {
    echo "gazetteer_scale: $shared/make_big_gazetteer.py not found" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rg-gazscale.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# The corpus: examples/*.txt concatenated until about MB megabytes.
mkdir "$tmp/corpus"
round=$(cat "$here"/examples/*.txt | wc -c)
rounds=$(( (mb * 1000000 + round - 1) / round ))
i=0
while [ "$i" -lt "$rounds" ]; do
    for f in "$here"/examples/*.txt; do
        cp "$f" "$tmp/corpus/$i-$(basename "$f")"
    done
    i=$((i + 1))
done
bytes=$(find "$tmp/corpus" -type f -exec cat {} + | wc -c)   # not a glob: too many files for one command line

# The big dictionary in relgraph's format.
/usr/bin/python3 "$shared/make_big_gazetteer.py" --n "$n" > "$tmp/big.tsv"
mkdir "$tmp/big"
/usr/bin/python3 - "$tmp/big.tsv" "$tmp/big" <<'PY'
import re, sys
src, out = sys.argv[1], sys.argv[2]
types = {"person": "person", "organization": "organization",
         "organisation": "organization", "country": "country",
         "location": "location"}
actors = {}
with open(src, encoding="utf-8") as f, \
     open(out + "/aliases.tsv", "w", encoding="utf-8") as al:
    al.write("actor\tform\talias\n")
    for line in f:
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 3 or not parts[1].startswith("syn:"):
            continue   # the real part is covered by the shipped dictionary
        alias, ent, typ = parts
        aid = "syn_" + re.sub(r"[^a-z0-9_]", "_", ent[4:].lower())
        actors.setdefault(aid, (types.get(typ, "other"), alias))
        al.write(f"{aid}\tname\t{alias}\n")
with open(out + "/actors.tsv", "w", encoding="utf-8") as ac:
    ac.write("id\ttype\tlabel\tqid\n")
    for aid, (typ, label) in actors.items():
        ac.write(f"{aid}\t{typ}\t{label}\t\n")
PY
aliases=$(($(wc -l < "$tmp/big/aliases.tsv") - 1))
echo x > "$tmp/empty.txt"   # a one-word document: the run is the load

# best of 3 wall-clock seconds of: relgraph ARGS...
best() {
    b=
    for _ in 1 2 3; do
        s=$(date +%s.%N)
        "$bin" -q "$@" --report /dev/null > /dev/null
        e=$(date +%s.%N)
        b=$(echo "$s $e ${b:-1e9}" | awk '{t = $2 - $1; print (t < $3) ? t : $3}')
    done
    echo "$b"
}

echo "corpus: $(echo "$bytes" | awk '{printf "%.1f MB", $1 / 1e6}') in $(ls "$tmp/corpus" | wc -l) files; big dictionary: $aliases aliases"
for which in shipped big; do
    if [ "$which" = big ]; then set -- -d "$tmp/big"; else set --; fi
    load=$(best "$@" "$tmp/empty.txt")
    run=$(best "$@" "$tmp/corpus")
    echo "$which $load $run $bytes" | awk '{m = $3 - $2; if (m <= 0) m = 1e-9;
        printf "%-8s load %6.2f s   run %6.2f s   matching %7.1f MB/s\n",
               $1, $2, $3, $4 / 1e6 / m}'
    eval "load_$which=$load run_$which=$run"
done
echo "$load_shipped $run_shipped $load_big $run_big" | awk '{
    a = $2 - $1; b = $4 - $3;
    printf "slowdown of matching per byte: %+.1f %% (target < 25 %%); load %.2f s (target < 2 s)\n",
           (b / a - 1) * 100, $3}'
