#!/bin/sh
# Runs the relgraph binary under valgrind memcheck on the sample corpus, the
# seeds (when ../shared is there), hostile inputs and a bad dictionary, and
# fails on any memory error or leak.  Usage: valgrind.sh RELGRAPH SOURCE_DIR SHARED_DIR
set -u
bin=$1 src=$2 shared=$3
command -v valgrind >/dev/null 2>&1 || { echo "valgrind.sh: valgrind not installed: skipped"; exit 0; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
printf 'NATO\000\001' > "$tmp/binary.txt"
printf 'Die NATO warnt Pj\366ngjang.\n' > "$tmp/latin1.txt"
: > "$tmp/empty.txt"
printf '<html><body><p>Die NATO &amp; Russland.</p></body></html>\n' > "$tmp/page.html"
printf 'id\ttype\tlabel\tqid\nfoo\tpersn\tFoo\t\n' > "$tmp/bad.tsv"

vg() {
  valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect \
    --errors-for-leak-kinds=definite,indirect "$bin" "$@" >/dev/null 2>"$tmp/err"
  rc=$?
  if [ $rc -eq 99 ] || grep -q '^==[0-9]*==' "$tmp/err"; then
    echo "FAIL valgrind: relgraph $*"; cat "$tmp/err"; fail=$((fail + 1))
  else
    echo "PASS valgrind (exit $rc): relgraph $*"; pass=$((pass + 1))
  fi
}
pass=0 fail=0
vg "$src/examples" -o "$tmp/net.graphml" --mentions "$tmp/m.tsv" --evidence "$tmp/e.tsv" --report "$tmp/r.txt"
vg "$src/examples" -o "$tmp/net.dot"
vg "$tmp" /nonexistent -o "$tmp/h.graphml" --mentions "$tmp/hm.tsv"
vg "$src/examples" -d "$tmp/bad.tsv" -o "$tmp/never.dot"
vg --bogus-option
[ -d "$shared/seeds" ] && vg "$shared/seeds" -o "$tmp/s.graphml" --mentions "$tmp/sm.tsv" --evidence "$tmp/se.tsv"
echo "valgrind: $pass passed, $fail failed"
[ $fail -eq 0 ]
