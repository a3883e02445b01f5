#!/usr/bin/env bash
# bench/archive.sh: how fast is `leakstop dir` over a folder of archives?
#
# Packs, once, bench/dir.sh's tree (built by it when missing) into
# bench/out/archives: projects/p01 as a zip (deflate), projects/p02 as a
# tar.gz, and the rest (logs, exports, a JavaScript bundle) as a tar.zst.
# Then measures in the same run, after a warm-up of each, the median wall
# time of:
#
#   cat         cat ARCHIVES/* > /dev/null              (the same bytes read)
#   unpack      unzip -p, tar -xzO, zstd -dc to /dev/null, one after the other
#               (decompression alone, on one core)
#   leakstop    leakstop dir ARCHIVES --format json --report-path /dev/null
#   unpacked    leakstop dir on the same files unpacked (bench/out/tree's
#               folders the archives hold)
#
# and prints each with its throughput in decompressed MB/s, and leakstop's
# peak RSS over the archives. Needs zip, unzip, tar, gzip and zstd.
#
# Usage: bench/archive.sh [RUNS]    RUNS per command, default 5
# Environment: JOBS (leakstop --jobs, default its own).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
out=bench/out
tree=$out/tree
arch=$out/archives
bin=$out/leakstop

for tool in zip unzip tar gzip zstd; do
	command -v "$tool" >/dev/null || {
		echo "archive.sh: $tool is not installed (apt-get install $tool)" >&2
		exit 1
	}
done
if [[ ! -f $out/tree.stamp ]]; then
	bench/dir.sh 1 >/dev/null
fi
want_stamp="$(cat "$out/tree.stamp") archives=1"
if [[ ! -f $out/archives.stamp || $(cat "$out/archives.stamp") != "$want_stamp" ]]; then
	echo "packing $tree into $arch (once) ..." >&2
	rm -rf "$arch"
	mkdir -p "$arch"
	abs=$(cd "$arch" && pwd)
	(cd "$tree/projects" && zip -qr -6 "$abs/p01.zip" p01)
	tar -C "$tree/projects" -czf "$arch/p02.tar.gz" p02
	tar -C "$tree" -cf - var exports web | zstd -q -6 -o "$arch/other.tar.zst"
	echo "$want_stamp" >"$out/archives.stamp"
fi

if ! go build -o "$bin" ./cmd/leakstop; then
	echo "archive.sh: leakstop does not build" >&2
	exit 1
fi

# The unpacked reference: the folders the archives hold, in one place.
unpacked=$out/archives-unpacked
if [[ ! -d $unpacked ]]; then
	mkdir -p "$unpacked"
	ln -s "$(cd "$tree/projects" && pwd)/p01" "$unpacked/p01"
	ln -s "$(cd "$tree/projects" && pwd)/p02" "$unpacked/p02"
	for d in var exports web; do ln -s "$(cd "$tree" && pwd)/$d" "$unpacked/$d"; done
fi

packed_mb=$(find "$arch" -name '*.zip' -o -name '*.tar.*' | xargs stat -c %s | awk '{s += $1} END {printf "%.1f", s / 1e6}')
mbytes=$(find -L "$unpacked" -type f -printf '%s\n' | awk '{s += $1} END {printf "%.1f", s / 1e6}')
nfiles=$(find -L "$unpacked" -type f | wc -l)
echo "archives: $arch: 3 archives, $packed_mb MB packed, $nfiles files and $mbytes MB inside; $(nproc) CPUs; $runs runs each after a warm-up"

jobs_flag=()
[[ -n ${JOBS:-} ]] && jobs_flag=(--jobs "$JOBS")

elapsed=0
timed() {
	local t0 t1
	t0=$(date +%s%N)
	"$@"
	t1=$(date +%s%N)
	elapsed=$(((t1 - t0) / 1000000))
}

run_cat() { cat "$arch"/*.zip "$arch"/*.tar.* >/dev/null; }
run_unpack() {
	unzip -p "$arch/p01.zip" >/dev/null
	tar -xzOf "$arch/p02.tar.gz" >/dev/null
	zstd -q -dc "$arch/other.tar.zst" >/dev/null
}

rss_file=$(mktemp)
trap 'rm -f "$rss_file"' EXIT
peak_kb=0
# leakstop TARGET [rss]: one scan; exit 1 (findings) is expected.
leakstop() {
	local rc=0 kb=0
	if [[ ${2:-} == rss && -x /usr/bin/time ]]; then
		/usr/bin/time -v -o "$rss_file" "$bin" dir "$1" --follow-symlinks --format json --report-path /dev/null --no-progress "${jobs_flag[@]}" || rc=$?
		kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$rss_file")
		((${kb:-0} > peak_kb)) && peak_kb=$kb
	else
		"$bin" dir "$1" --follow-symlinks --format json --report-path /dev/null --no-progress "${jobs_flag[@]}" || rc=$?
	fi
	case $rc in
	0 | 1) ;;
	*)
		echo "archive.sh: leakstop dir $1 exited $rc" >&2
		exit 1
		;;
	esac
}
run_archives() { leakstop "$arch" rss; }
run_unpacked() { leakstop "$unpacked"; }

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

names=(cat unpack leakstop unpacked)
declare -A ms
for n in "${names[@]}"; do "run_${n/leakstop/archives}"; done # warm-up
for ((i = 1; i <= runs; i++)); do
	line="run $i:"
	for n in "${names[@]}"; do
		timed "run_${n/leakstop/archives}"
		ms[$n]+="$elapsed "
		line+=" $n $elapsed ms"
	done
	echo "$line" >&2
done

for n in "${names[@]}"; do
	med=$(printf '%s\n' ${ms[$n]} | median)
	printf '%-9s median %7d ms  %8.1f MB/s (decompressed)\n' "$n" "$med" "$(awk -v mb="$mbytes" -v m="$med" 'BEGIN {print mb / (m / 1000)}')"
	eval "med_$n=$med"
done
awk -v a="$med_leakstop" -v u="$med_unpacked" -v d="$med_unpack" -v kb="$peak_kb" 'BEGIN {
	printf "ratio     leakstop(archives)/leakstop(unpacked) = %.2f, leakstop/unpack = %.2f\n", a / u, a / d
	printf "peak RSS  leakstop over the archives %.1f MiB\n", kb / 1024
}'
