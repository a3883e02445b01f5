#!/usr/bin/env bash
# bench/rotate.sh: how much wall time does --rotate-url add to a run?
#
# Builds leakstop and a loopback webhook receiver (bench/rotaterecv, which
# checks every signature and answers 204), writes a folder of 1,000
# distinct fake GitHub tokens (confirmed by their checksum: 1,000 findings,
# 1,000 events) under bench/out/rotate, then times, alternately and after a
# warm-up of each:
#
#   plain   leakstop dir TREE --format json --report-path /dev/null
#   rotate  the same with --rotate-url URL --rotate-spool bench/out/rotate/spool.jsonl
#
# and prints the median wall time of each and the difference, per event
# too. Every rotate run sends the same 1,000 webhook-ids (the receiver
# keeps each once); the spool's write-ahead is synced to disk each run.
#
# Usage: bench/rotate.sh [RUNS]        RUNS per command, default 7
# Environment: SECRETS (1000), CONCURRENCY (--rotate-concurrency, default 8)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-7}
n=${SECRETS:-1000}
concurrency=${CONCURRENCY:-8}
out=bench/out/rotate
tree=$out/tree
bin=$out/leakstop
recv=$out/rotaterecv
mkdir -p "$out"
[ -f bench/out/go.mod ] || echo "module benchout" >bench/out/go.mod

go build -o "$bin" ./cmd/leakstop
go build -o "$recv" ./bench/rotaterecv

if [[ ! -f $out/tree.stamp || $(cat "$out/tree.stamp") != "$n" ]]; then
	rm -rf "$tree"
	mkdir -p "$tree"
	# Ten tokens per file, as a service's .env files hold them.
	go run ./rules/fake/cmd/leakstop-fake -seed 42 -n "$n" github-pat |
		awk -v dir="$tree" -F '\t' '{
			d = sprintf("%s/svc%02d", dir, int((NR - 1) / 100))
			f = sprintf("%s/app%04d.env", d, int((NR - 1) / 10))
			if (f != last) { system("mkdir -p " d); last = f }
			printf "SERVICE_%d_TOKEN=%s\n", NR % 10, $2 >> f
			close(f)
		}'
	echo "$n" >"$out/tree.stamp"
fi

LEAKSTOP_WEBHOOK_SECRET="whsec_$(head -c 32 /dev/urandom | base64)"
export LEAKSTOP_WEBHOOK_SECRET
rm -f "$out/url" "$out/spool.jsonl"
"$recv" -url-file "$out/url" 2>"$out/recv.log" &
recv_pid=$!
trap 'kill "$recv_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
	[ -s "$out/url" ] && break
	sleep 0.05
done
url=$(cat "$out/url")

scan=("$bin" dir "$tree" --format json --report-path /dev/null --no-progress --exit-code 0)
rotate=(--rotate-url "$url" --rotate-spool "$out/spool.jsonl" --rotate-concurrency "$concurrency")

elapsed=0
timed() {
	local t0 t1
	t0=$(date +%s%N)
	"$@" 2>"$out/stderr.txt"
	t1=$(date +%s%N)
	elapsed=$(((t1 - t0) / 1000000))
}
median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

findings=$("${scan[@]}" --format json --report-path /dev/stdout 2>/dev/null | jq '.summary.findings')
"${scan[@]}" "${rotate[@]}" 2>"$out/stderr.txt" # warm-up of both
grep -q "$n delivered, 0 refused, 0 spooled" "$out/stderr.txt" || {
	echo "rotate.sh: the warm-up did not deliver every event:" >&2
	cat "$out/stderr.txt" >&2
	exit 1
}
echo "tree: $tree: $findings findings; $(nproc) CPUs; $runs runs each after a warm-up; --rotate-concurrency $concurrency"

plain_ms=() rotate_ms=()
for ((i = 1; i <= runs; i++)); do
	timed "${scan[@]}"
	plain_ms+=("$elapsed")
	timed "${scan[@]}" "${rotate[@]}"
	rotate_ms+=("$elapsed")
	grep -q "$n delivered" "$out/stderr.txt" || { cat "$out/stderr.txt" >&2; exit 1; }
	echo "run $i: plain ${plain_ms[-1]} ms, with --rotate-url ${rotate_ms[-1]} ms" >&2
done

kill "$recv_pid"
wait "$recv_pid" 2>/dev/null || true
trap - EXIT

p=$(printf '%s\n' "${plain_ms[@]}" | median)
r=$(printf '%s\n' "${rotate_ms[@]}" | median)
awk -v p="$p" -v r="$r" -v n="$n" 'BEGIN {
	printf "plain          median %6d ms\n", p
	printf "--rotate-url   median %6d ms\n", r
	printf "added          %6d ms for %d events (%.2f ms per event, %.0f events/s)\n", r - p, n, (r - p) / n, (r > p) ? n / ((r - p) / 1000) : 0
}'
cat "$out/recv.log"
