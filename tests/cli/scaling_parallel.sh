#!/bin/sh
# Runs the GNU parallel recipes of docs/SCALING.md on this machine with two
# ssh "hosts": each is a private sshd in a network namespace of its own,
# reached from here through ssh's ProxyCommand (`ip netns exec NS nc`).  The
# hosts share this file system, so the first pass is the shared-storage
# recipe (shard lists, `relgraph tally --files-from` on the hosts, `relgraph
# merge` here); the second is the recipe without shared storage (a tar per
# shard sent with --transferfile, the tally fetched with --return, both
# removed with --cleanup).  Each pass must give a network and a report
# byte-identical to one run over the same files, and both hosts must have
# run shards.
# Exit 0 pass, 1 fail, 77 skipped (reason on stderr): not root, network
# namespaces not allowed (a container), or sshd/ssh/parallel/nc/rsync missing.
# Usage: scaling_parallel.sh RELGRAPH SOURCE_DIR [SHARED_DIR]
set -eu
[ $# -ge 2 ] || { echo "usage: scaling_parallel.sh RELGRAPH SOURCE_DIR [SHARED_DIR]" >&2; exit 1; }
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$2
shared=${3:-$src/../shared}

skip() { echo "scaling_parallel: skipped: $*" >&2; exit 77; }
fail() { echo "FAIL scaling_parallel: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || skip "needs root (network namespaces, sshd)"
for t in ip ssh ssh-keygen parallel rsync tar; do
  command -v "$t" >/dev/null 2>&1 || skip "$t not installed"
done
sshd=$(command -v sshd 2>/dev/null || echo /usr/sbin/sshd)
[ -x "$sshd" ] || skip "sshd not installed (openssh-server)"
if command -v nc >/dev/null 2>&1; then
  proxy="nc 127.0.0.1 22"
elif command -v socat >/dev/null 2>&1; then
  proxy="socat - TCP:127.0.0.1:22"
else
  skip "neither nc nor socat installed"
fi
[ -x "$bin" ] || fail "no relgraph binary at $1"

tmp=$(mktemp -d /tmp/relgraph-scaling.XXXXXX)
ns1=relgraph-scale-$$-1
ns2=relgraph-scale-$$-2
pids=""
cleanup() {
  for p in $pids; do kill "$p" 2>/dev/null || :; done
  for p in $pids; do wait "$p" 2>/dev/null || :; done
  ip netns del "$ns1" 2>/dev/null || :
  ip netns del "$ns2" 2>/dev/null || :
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

ip netns add "$ns1" 2>"$tmp/netns.err" ||
  skip "ip netns add not allowed here: $(head -n1 "$tmp/netns.err")"
ip netns add "$ns2"
ip netns exec "$ns1" ip link set lo up
ip netns exec "$ns2" ip link set lo up

# One host key, one client key; key-only root login, nothing from /etc/ssh.
mkdir -p "$tmp/ssh" /run/sshd
ssh-keygen -q -t ed25519 -N '' -C relgraph-scaling-host -f "$tmp/ssh/host_key"
ssh-keygen -q -t ed25519 -N '' -C relgraph-scaling-client -f "$tmp/ssh/client_key"
cp "$tmp/ssh/client_key.pub" "$tmp/ssh/authorized_keys"
for ns in "$ns1" "$ns2"; do
  cat > "$tmp/ssh/sshd_config.$ns" <<EOF
ListenAddress 127.0.0.1:22
HostKey $tmp/ssh/host_key
PidFile $tmp/ssh/sshd.$ns.pid
AuthorizedKeysFile $tmp/ssh/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
X11Forwarding no
PrintMotd no
LogLevel VERBOSE
EOF
  ip netns exec "$ns" "$sshd" -D -f "$tmp/ssh/sshd_config.$ns" -E "$tmp/ssh/sshd.$ns.log" &
  pids="$pids $!"
done
{
  echo "Host *"
  echo "  User root"
  echo "  IdentityFile $tmp/ssh/client_key"
  echo "  IdentitiesOnly yes"
  echo "  BatchMode yes"
  echo "  StrictHostKeyChecking yes"
  echo "  UserKnownHostsFile $tmp/ssh/known_hosts"
  echo "  GlobalKnownHostsFile /dev/null"
  echo "  LogLevel ERROR"
  echo "Host h1"
  echo "  ProxyCommand ip netns exec $ns1 $proxy"
  echo "Host h2"
  echo "  ProxyCommand ip netns exec $ns2 $proxy"
} > "$tmp/ssh/config"
hostkey=$(cut -d' ' -f1,2 "$tmp/ssh/host_key.pub")
printf 'h1 %s\nh2 %s\n' "$hostkey" "$hostkey" > "$tmp/ssh/known_hosts"
ssh="ssh -F $tmp/ssh/config"

# Wait (at most 10 s) until both hosts answer and run a command.
for h in h1 h2; do
  n=0
  until $ssh "$h" true 2>"$tmp/ssh/$h.err" </dev/null; do
    n=$((n + 1))
    if [ $n -ge 50 ]; then
      cat "$tmp/ssh/$h.err" "$tmp"/ssh/sshd.*.log >&2 || :
      grep -qi 'locked' "$tmp"/ssh/sshd.*.log 2>/dev/null &&
        skip "sshd refuses root: the account is locked (UsePAM no)"
      fail "ssh $h does not answer"
    fi
    sleep 0.2
  done
done
[ "$($ssh h1 ip netns identify </dev/null)" = "$ns1" ] || fail "h1 does not run in $ns1"
[ "$($ssh h2 ip netns identify </dev/null)" = "$ns2" ] || fail "h2 does not run in $ns2"

# The corpus; paths are relative to $tmp, as in the single run below.
mkdir -p "$tmp/corpus/seeds" "$tmp/corpus/examples"
if [ -d "$shared/seeds" ]; then cp "$shared"/seeds/* "$tmp/corpus/seeds/"; fi
cp "$src"/examples/*.txt "$tmp/corpus/examples/"
cd "$tmp"
"$bin" -q corpus -o single.graphml --report single.csv --top 0 ||
  fail "single run: exit $?"

export PARALLEL_HOME="$tmp/parallel-home"
compare() { # PASS-NAME: merged network and report against the single run
  cmp single.graphml "$1.graphml" || fail "$1: network differs from the single run"
  cmp single.csv "$1.csv" || fail "$1: report differs from the single run"
  # both hosts ran shards
  for ns in "$ns1" "$ns2"; do
    cat "$1".marks/* | grep -qx "$ns" || fail "$1: no shard ran on $ns"
  done
  echo "PASS scaling_parallel $1: $(ls "$1".shards | wc -l) shards on 2 hosts, output byte-identical"
}

# Pass 1, shared storage: NUL-separated shard lists, tallies written in place.
mkdir -p lists shared.shards shared.marks
find corpus -type f -print0 | split -t '\0' -n r/4 -d - lists/list.
parallel --ssh "$ssh" --sshlogin 1/h1,1/h2 --wd "$tmp" --halt now,fail=1 \
  "'$bin' tally -q -j1 -0 --files-from {} -o shared.shards/{/}.tally && ip netns identify > shared.marks/{/}" \
  ::: lists/list.* || fail "shared storage: parallel exit $?"
"$bin" merge -q shared.shards/*.tally -o shared.graphml --report shared.csv --top 0 ||
  fail "shared storage: merge exit $?"
compare shared

# Pass 2, no shared storage: a tar of each shard's documents goes to a
# working directory on the host (one per job here: the two hosts happen to
# share a disk), the tally and the marker come back with --return, and
# --cleanup removes the tar and the returned files there.
mkdir -p tars transfer.shards transfer.marks
for l in lists/list.*; do tar --null -T "$l" -cf "tars/${l##*/}.tar"; done
parallel --ssh "$ssh" --sshlogin 1/h1,1/h2 --halt now,fail=1 \
  --wd "$tmp/remote/{#}" --transferfile '{}' --cleanup \
  --return 'transfer.shards/{/.}.tally' --return 'transfer.marks/{/.}' \
  "mkdir -p transfer.shards transfer.marks && tar -xf {} &&
   find corpus -type f -print0 | '$bin' tally -q -j1 -0 --files-from - -o transfer.shards/{/.}.tally &&
   rm -r corpus && ip netns identify > transfer.marks/{/.}" \
  ::: tars/list.*.tar || fail "no shared storage: parallel exit $?"
"$bin" merge -q transfer.shards/*.tally -o transfer.graphml --report transfer.csv --top 0 ||
  fail "no shared storage: merge exit $?"
compare transfer
left=$(find "$tmp/remote" -type f 2>/dev/null || :)
[ -z "$left" ] || fail "no shared storage: --cleanup left files: $left"
exit 0
