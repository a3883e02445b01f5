#!/bin/sh
# bench/history.sh: how fast leakstop reads a repository's whole history,
# against git reading the same objects, in the same run.
#
# Builds (once, cached in bench/out/) a synthetic repository of COMMITS
# commits (default 20000) with git fast-import: ~4000 files of log-normal
# sizes (median ~3 KB), 1-3 files edited per commit with recent work
# clustered, adds, deletes, renames, a feature branch merged every 250
# commits and tags. Then times, best of RUNS (default 3):
#   git cat-file --batch-all-objects --batch > /dev/null
#   git log -p --all > /dev/null
#   the git source (bench/gitread: source.Git with a visitor that counts)
#   leakstop git, the whole command (engine and JSON report included)
# and prints wall times, ratios and peak RSS.
#
# Usage: bench/history.sh [COMMITS]   (RUNS=5 bench/history.sh to vary)
set -eu
cd "$(dirname "$0")/.."
commits=${1:-20000}
runs=${RUNS:-3}
out=bench/out
repo=$out/history-$commits.git
mkdir -p "$out"
# Generated files may end in .go: a module of their own keeps them out of ./...
[ -f "$out/go.mod" ] || echo "module benchout" >"$out/go.mod"

if [ ! -f "$repo/ready" ]; then
	echo "building $repo ($commits commits)..." >&2
	rm -rf "$repo"
	go build -o "$out/genrepo" ./bench/genrepo
	git init -q --bare "$repo"
	"$out/genrepo" -commits "$commits" | git -C "$repo" fast-import --quiet
	git -C "$repo" repack -adfq
	touch "$repo/ready"
fi
go build -o "$out/gitread" ./bench/gitread
go build -o "$out/leakstop" ./cmd/leakstop

# measure NAME CMD...: best wall time and its peak RSS over $runs runs.
measure() {
	name=$1
	shift
	best=
	for _ in $(seq "$runs"); do
		/usr/bin/time -f '%e %M' -o "$out/time.txt" sh -c "$*" >/dev/null 2>"$out/err.txt" || {
			cat "$out/err.txt" >&2
			exit 1
		}
		read -r wall rss <"$out/time.txt"
		if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then
			best=$wall
			best_rss=$rss
		fi
	done
	eval "wall_$name=$best rss_$name=$best_rss"
}

measure catfile "git -C '$repo' cat-file --batch-all-objects --batch"
measure logp "git -C '$repo' log -p --all"
measure leakstop "'$out/gitread' '$repo'"
# The whole command as users run it: history, engine and report. Findings
# exit 1 (the generated files hold none, but a config could add some).
measure full "'$out/leakstop' git --no-progress --format json '$repo' || [ \$? -eq 1 ]"
"$out/gitread" "$repo" >&2

objects=$(git -C "$repo" count-objects -v | awk '/^in-pack/{print $2}')
pack=$(git -C "$repo" count-objects -vH | awk '/^size-pack/{print $2, $3}')
echo "repository: $commits commits, $objects objects, pack $pack; $(nproc) CPUs; best of $runs"
printf '%-48s %8s %10s\n' "" "wall s" "peak RSS"
printf '%-48s %8s %7d MB\n' "git cat-file --batch-all-objects --batch" "$wall_catfile" $((rss_catfile / 1024))
printf '%-48s %8s %7d MB\n' "git log -p --all" "$wall_logp" $((rss_logp / 1024))
printf '%-48s %8s %7d MB\n' "leakstop git source (no-op visitor)" "$wall_leakstop" $((rss_leakstop / 1024))
printf '%-48s %8s %7d MB\n' "leakstop git (whole command, JSON report)" "$wall_full" $((rss_full / 1024))
awk -v l="$wall_leakstop" -v c="$wall_catfile" -v p="$wall_logp" 'BEGIN{
	printf "ratio to cat-file %.2fx (target <= 2x), to log -p %.2fx\n", l/c, l/p }'
awk -v l="$wall_full" -v c="$wall_catfile" -v p="$wall_logp" 'BEGIN{
	printf "whole command: ratio to cat-file %.2fx, to log -p %.2fx\n", l/c, l/p }'
