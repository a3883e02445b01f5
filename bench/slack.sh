#!/bin/sh
# bench/slack.sh: how fast leakstop scans a Slack workspace export, against
# reading the same bytes with cat, in the same run.
#
# Builds (once, cached in bench/out/) a synthetic export of MESSAGES
# messages (default 100000; 1000000 makes ~1.3 GB) with bench/slackgen:
# 50 channels of day files of 200 pretty-printed messages as Slack writes
# them (user profiles, rich text blocks, bot attachments, some files), a
# fake secret in one message of 5000, unpacked and as a zip. Then times,
# best of RUNS (default 3):
#   cat       every file of the unpacked export to /dev/null
#   cat zip   the zip to /dev/null
#   leakstop  leakstop slack DIR, the whole command (engine, JSON report)
#   leakstop  leakstop slack ZIP
# and prints wall and CPU times, messages/s, MB/s (of the unpacked export)
# and peak RSS.
#
# Usage: bench/slack.sh [MESSAGES]   (RUNS=5 JOBS=4 bench/slack.sh 1000000)
set -eu
cd "$(dirname "$0")/.."
messages=${1:-100000}
runs=${RUNS:-3}
jobs=${JOBS:-}
out=bench/out
exp=$out/slack-$messages
mkdir -p "$out"
[ -f "$out/go.mod" ] || echo "module benchout" >"$out/go.mod"

if [ ! -f "$exp.ready" ]; then
	echo "building $exp ($messages messages)..." >&2
	rm -rf "$exp" "$exp.zip"
	go build -o "$out/slackgen" ./bench/slackgen
	"$out/slackgen" -messages "$messages" -dir "$exp" -zip "$exp.zip" >"$exp.stats"
	touch "$exp.ready"
fi
go build -o "$out/leakstop" ./cmd/leakstop
bytes=$(du -sb "$exp" | cut -f1)
zipbytes=$(stat -c %s "$exp.zip")
jobsflag=
[ -n "$jobs" ] && jobsflag="--jobs $jobs"

# measure NAME CMD...: best wall time over $runs runs, with its CPU time
# (user + system) and peak RSS. leakstop exits 1: the export has secrets.
measure() {
	name=$1
	shift
	best=
	for _ in $(seq "$runs"); do
		/usr/bin/time -f '%e %U %S %M' -o "$out/time.txt" sh -c "$*" >/dev/null 2>"$out/err.txt" || [ $? -eq 1 ] || {
			cat "$out/err.txt" >&2
			exit 1
		}
		read -r wall user sys rss <<EOF
$(tail -n 1 "$out/time.txt")
EOF
		if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then
			best=$wall
			best_cpu=$(awk "BEGIN{print $user + $sys}")
			best_rss=$rss
		fi
	done
	eval "wall_$name=$best cpu_$name=$best_cpu rss_$name=$best_rss"
}

measure cat "find '$exp' -type f -print0 | xargs -0 cat"
measure catzip "cat '$exp.zip'"
measure dir "'$out/leakstop' slack '$exp' $jobsflag --format json --report-path /dev/null --no-progress"
measure zip "'$out/leakstop' slack '$exp.zip' $jobsflag --format json --report-path /dev/null --no-progress"
findings=$(grep -o '[0-9]* findings' "$out/err.txt" | cut -d' ' -f1)

echo "Slack export: $(cat "$exp.stats"); $((bytes / 1000000)) MB unpacked, $((zipbytes / 1000000)) MB zipped; $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg)"
awk -v m="$messages" -v b="$bytes" -v f="${findings:-?}" \
	-v wc="$wall_cat" -v cc="$cpu_cat" -v rc="$rss_cat" \
	-v wz="$wall_catzip" -v cz="$cpu_catzip" -v rz="$rss_catzip" \
	-v wd="$wall_dir" -v cd="$cpu_dir" -v rd="$rss_dir" \
	-v wp="$wall_zip" -v cp="$cpu_zip" -v rp="$rss_zip" 'BEGIN {
	row = "%-22s %8.2f s wall %8.2f s CPU %10s msg/s %8s MB/s %8d KB peak RSS\n"
	printf row, "cat (unpacked)", wc, cc, "-", sprintf("%.0f", b / 1e6 / (wc > 0 ? wc : 0.01)), rc
	printf row, "cat (zip)", wz, cz, "-", "-", rz
	printf row, "leakstop slack DIR", wd, cd, sprintf("%.0f", m / wd), sprintf("%.1f", b / 1e6 / wd), rd
	printf row, "leakstop slack ZIP", wp, cp, sprintf("%.0f", m / wp), sprintf("%.1f", b / 1e6 / wp), rp
	printf "leakstop found %s findings; it takes %.1fx the wall time of cat on the unpacked export, %.1f s CPU per GB.\n", f, wd / (wc > 0 ? wc : 0.01), cd / (b / 1e9)
}'
