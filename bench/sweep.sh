#!/bin/sh
# bench/sweep.sh: a sweep of many repositories with git --repos, whole and
# split into shards.
#
# Builds (once, cached in bench/out/sweep-REPOS-COMMITS/) REPOS synthetic
# repositories (default 50) of COMMITS commits each (default 2000) with
# bench/genrepo (a seed per repository, 400 files in the first commit), and
# a list of them; every third repository gets one more commit holding an
# AWS key id shared by all of them (a secret spread over many repositories)
# and one of its own. Then times, best of RUNS (default 1):
#   leakstop git --repos LIST --jobs JOBS (default 2), JSON report
#   the same sweep as SHARDS shards (default 4) run one after another
#   (--shard K/SHARDS), then leakstop report merge of their reports
# prints wall times and peak RSS, and checks that the merged report is the
# whole sweep's (but for merged_from).
#
# Usage: bench/sweep.sh [REPOS [COMMITS]]   (RUNS=3 JOBS=2 SHARDS=4)
set -eu
cd "$(dirname "$0")/.."
repos=${1:-50}
commits=${2:-2000}
runs=${RUNS:-1}
jobs=${JOBS:-2}
shards=${SHARDS:-4}
out=bench/out
dir=$out/sweep-$repos-$commits
mkdir -p "$out"
# Generated files may end in .go: a module of their own keeps them out of ./...
[ -f "$out/go.mod" ] || echo "module benchout" >"$out/go.mod"
command -v jq >/dev/null || { echo "bench/sweep.sh needs jq" >&2; exit 1; }

# plant REPO I: a commit on main adding config/deploy.env with two fake AWS
# key ids, made at run time: one shared, one of repository I's own.
plant() {
	shared=AKIA$(printf %s shared | sha256sum | cut -c1-16 | tr 'a-f0-9' 'A-P')
	own=AKIA$(printf %s "repo-$2" | sha256sum | cut -c1-16 | tr 'a-f0-9' 'A-P')
	content=$(printf 'AWS_ACCESS_KEY_ID=%s\nBACKUP_AWS_ACCESS_KEY_ID=%s' "$shared" "$own")
	printf 'commit refs/heads/main\ncommitter Dev <dev@example.com> 1700000000 +0000\ndata 10\nadd deploy\nfrom refs/heads/main^0\nM 100644 inline config/deploy.env\ndata %d\n%s\n\n' \
		$((${#content} + 1)) "$content" | git -C "$1" fast-import --quiet
}

if [ "$(cat "$dir/ready" 2>/dev/null)" != 2 ]; then
	echo "building $repos repositories of $commits commits in $dir..." >&2
	rm -rf "$dir"
	mkdir -p "$dir"
	go build -o "$out/genrepo" ./bench/genrepo
	i=1
	while [ "$i" -le "$repos" ]; do
		repo=$dir/repo-$(printf %03d "$i").git
		git init -q --bare "$repo"
		"$out/genrepo" -commits "$commits" -files 400 -seed "$i" | git -C "$repo" fast-import --quiet
		if [ $((i % 3)) -eq 0 ]; then
			plant "$repo" "$i"
		fi
		git -C "$repo" repack -adq
		echo "repo-$(printf %03d "$i").git" >>"$dir/repos.txt"
		i=$((i + 1))
	done
	echo 2 >"$dir/ready"
fi
go build -o "$out/leakstop" ./cmd/leakstop
ls=$out/leakstop

# timed NAME CMD...: runs CMD under /usr/bin/time; sets wall and rss (KiB).
# leakstop exits 1 on findings (generated repositories may hold some).
timed() {
	/usr/bin/time -f '%e %M' -o "$out/time.txt" sh -c "$* || [ \$? -eq 1 ]" >/dev/null 2>"$out/err.txt" || {
		cat "$out/err.txt" >&2
		exit 1
	}
	read -r wall rss <"$out/time.txt"
}

best_whole='' best_sharded=''
for _ in $(seq "$runs"); do
	timed "'$ls' git --repos '$dir/repos.txt' --jobs $jobs --no-progress --format json --report-path '$out/sweep-whole.json'"
	if [ -z "$best_whole" ] || awk "BEGIN{exit !($wall < $best_whole)}"; then
		best_whole=$wall rss_whole=$rss
	fi
	total=0 peak=0 longest=0 files=''
	for k in $(seq "$shards"); do
		timed "'$ls' git --repos '$dir/repos.txt' --shard $k/$shards --jobs $jobs --no-progress --format json --report-path '$out/sweep-shard-$k.json'"
		eval "run_wall_$k=$wall run_rss_$k=$rss"
		total=$(awk "BEGIN{print $total + $wall}")
		[ "$rss" -gt "$peak" ] && peak=$rss
		longest=$(awk "BEGIN{print ($wall > $longest) ? $wall : $longest}")
		files="$files '$out/sweep-shard-$k.json'"
	done
	timed "'$ls' report merge --format json --report-path '$out/sweep-merged.json' $files"
	total=$(awk "BEGIN{print $total + $wall}")
	[ "$rss" -gt "$peak" ] && peak=$rss
	if [ -z "$best_sharded" ] || awk "BEGIN{exit !($total < $best_sharded)}"; then
		# The best sharded run's numbers, shard by shard.
		best_sharded=$total rss_sharded=$peak wall_merge=$wall rss_merge=$rss best_longest=$longest
		for k in $(seq "$shards"); do
			eval "wall_shard_$k=\$run_wall_$k rss_shard_$k=\$run_rss_$k"
		done
	fi
done

jq -S 'del(.merged_from)' "$out/sweep-merged.json" >"$out/sweep-merged.cmp"
jq -S . "$out/sweep-whole.json" >"$out/sweep-whole.cmp"
if ! cmp -s "$out/sweep-merged.cmp" "$out/sweep-whole.cmp"; then
	echo "the merged report differs from the whole sweep's:" >&2
	diff "$out/sweep-merged.cmp" "$out/sweep-whole.cmp" | head -20 >&2
	exit 1
fi

n_commits=0
for r in "$dir"/*.git; do
	n_commits=$((n_commits + $(git -C "$r" rev-list --all --count)))
done
pack=$(du -sk "$dir" | awk '{printf "%.0f MB", $1/1024}')
items=$(jq '.summary.scanned_items' "$out/sweep-whole.json")
bytes=$(jq '.summary.scanned_bytes' "$out/sweep-whole.json")
found=$(jq '.summary.findings' "$out/sweep-whole.json")
echo "sweep: $repos repositories, $n_commits commits, $pack on disk; $items blobs at their paths ($((bytes / 1048576)) MiB) scanned, $found findings"
echo "--jobs $jobs on $(nproc) CPUs; best of $runs"
printf '%-52s %8s %10s\n' "" "wall s" "peak RSS"
printf '%-52s %8s %7d MB\n' "leakstop git --repos (whole sweep)" "$best_whole" $((rss_whole / 1024))
for k in $(seq "$shards"); do
	w=$(eval echo "\$wall_shard_$k")
	r=$(eval echo "\$rss_shard_$k")
	printf '%-52s %8s %7d MB\n' "  shard $k/$shards" "$w" $((r / 1024))
done
printf '%-52s %8s %7d MB\n' "  report merge" "$wall_merge" $((rss_merge / 1024))
printf '%-52s %8s %7d MB\n' "$shards shards one after another + merge" "$best_sharded" $((rss_sharded / 1024))
awk -v s="$best_sharded" -v w="$best_whole" -v n="$shards" -v l="$best_longest" -v m="$wall_merge" 'BEGIN{
	printf "sharded/whole %.2fx; on %d machines at once: longest shard + merge = %.2f s (%.2fx the whole sweep)\n", s/w, n, l+m, (l+m)/w }'
echo "the merged report equals the whole sweep's (but merged_from)"
