#!/usr/bin/env bash
# bench/ocr.sh: what does --ocr cost on a folder of pictures?
#
# Writes, once, bench/out/ocr: 1,000 pictures (bench/ocrgen), of which 10
# are screenshots holding a fake token and the rest photos, icons, banners
# and charts without text. Then measures in the same run, after a warm-up
# of each, the median wall time of:
#
#   plain   leakstop dir OCR --format json --report-path /dev/null
#   ocr     the same with --ocr
#
# and prints each, the time --ocr adds, its throughput in pictures per
# second, and what it found. Needs Tesseract (apt-get install tesseract-ocr
# tesseract-ocr-eng) and the fonts of internal/ocrfixture.
#
# Usage: bench/ocr.sh [RUNS]    RUNS per command, default 3
# Environment: JOBS (leakstop --jobs, default 2, the cores of CI).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
jobs=${JOBS:-2}
out=bench/out
pics=$out/ocr
bin=$out/leakstop

command -v tesseract >/dev/null || {
	echo "ocr.sh: tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-eng)" >&2
	exit 1
}
if [[ ! -f $out/ocr.stamp ]]; then
	echo "writing 1000 pictures into $pics (once) ..." >&2
	rm -rf "$pics"
	go run ./bench/ocrgen -n 1000 -text 10 "$pics"
	echo "n=1000 text=10" >"$out/ocr.stamp"
fi
go build -o "$bin" ./cmd/leakstop

# median of RUNS wall times of a command, in seconds, after a warm-up.
median() {
	"$@" >/dev/null 2>&1 || true
	local times=()
	for _ in $(seq "$runs"); do
		local s e
		s=$(date +%s.%N)
		"$@" >/dev/null 2>&1 || true
		e=$(date +%s.%N)
		times+=("$(echo "$e - $s" | bc)")
	done
	printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

plain=$(median "$bin" dir --jobs "$jobs" --format json --report-path /dev/null "$pics")
ocr=$(median "$bin" dir --ocr --jobs "$jobs" --format json --report-path /dev/null "$pics")
"$bin" dir --ocr --jobs "$jobs" --format json --report-path "$out/ocr.json" "$pics" >/dev/null 2>&1 || true
found=$(jq -r '[.findings[] | "\(.rule_id) \(.status)"] | group_by(.) | map("\(length)× \(.[0])") | join(", ")' "$out/ocr.json")

printf '%-8s %8.2f s\n' plain "$plain" ocr "$ocr"
printf 'added by --ocr: %.2f s for 1000 pictures (10 with text) on %d jobs: %.1f pictures/s\n' \
	"$(echo "$ocr - $plain" | bc)" "$jobs" "$(echo "1000 / $ocr" | bc -l)"
echo "found: $found"
