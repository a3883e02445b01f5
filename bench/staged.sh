#!/bin/sh
# bench/staged.sh: latency of `leakstop staged` as a pre-commit hook runs
# it (a whole process), for a one-file change in a large repository,
# against git's own look at the index in the same run.
#
# Builds (once, cached in bench/out/) a work tree from bench/genrepo with
# COMMITS commits (default 20000) and FILES files in the first commit
# (default 10000; churn adds more). Then RUNS times (default 50): edits one
# file (a different one each time, so nothing is cached between runs),
# stages it, and times
#   git diff-index --cached HEAD      what any hook pays to see the index
#   leakstop staged                   the hook
# and prints the median and p95 of each, and their ratio.
#
# Usage: bench/staged.sh [COMMITS [FILES]]   (RUNS=100 bench/staged.sh)
set -eu
cd "$(dirname "$0")/.."
commits=${1:-20000}
files=${2:-10000}
runs=${RUNS:-50}
out=$(pwd)/bench/out
repo=$out/staged-$commits-$files
mkdir -p "$out"
# Generated files may end in .go: a module of their own keeps them out of ./...
[ -f "$out/go.mod" ] || echo "module benchout" >"$out/go.mod"

if [ ! -f "$repo/.git/ready" ]; then
	echo "building $repo ($commits commits, $files files)..." >&2
	rm -rf "$repo"
	go build -o "$out/genrepo" ./bench/genrepo
	git init -q -b main "$repo"
	"$out/genrepo" -commits "$commits" -files "$files" | git -C "$repo" fast-import --quiet
	git -C "$repo" repack -adq
	git -C "$repo" checkout -q -f main
	touch "$repo/.git/ready"
fi
go build -o "$out/leakstop" ./cmd/leakstop

cd "$repo"
git reset -q --hard main
git update-index -q --refresh
tracked=$(git ls-files | wc -l)
git ls-files | awk 'NR % 97 == 1' | head -n "$runs" >"$out/staged-targets.txt"

# ms: wall milliseconds of one run of the command.
ms() {
	start=$(date +%s%N)
	"$@" >/dev/null 2>"$out/err.txt" || {
		cat "$out/err.txt" >&2
		exit 1
	}
	end=$(date +%s%N)
	echo $(((end - start) / 1000))
}

: >"$out/staged-git.txt"
: >"$out/staged-leakstop.txt"
while read -r f; do
	printf 'edited by bench/staged.sh %s\n' "$f" >>"$f"
	git add -- "$f"
	ms git diff-index --cached HEAD >>"$out/staged-git.txt"
	ms "$out/leakstop" staged --no-progress >>"$out/staged-leakstop.txt"
	git reset -q HEAD -- "$f"
	git checkout -q -- "$f"
done <"$out/staged-targets.txt"

# stats FILE: median and p95 in milliseconds of the microsecond samples.
stats() {
	sort -n "$1" | awk '{ v[NR] = $1 } END {
		m = v[int((NR + 1) / 2)]; p = v[int(NR * 0.95 + 0.999)]
		printf "%.1f %.1f\n", m / 1000, p / 1000 }'
}
read -r git_med git_p95 <<EOF
$(stats "$out/staged-git.txt")
EOF
read -r ls_med ls_p95 <<EOF
$(stats "$out/staged-leakstop.txt")
EOF

echo "repository: $(git rev-list --count --all) commits, $tracked files; one-file change; $(wc -l <"$out/staged-targets.txt") runs; $(nproc) CPUs"
printf '%-36s %10s %10s\n' "" "median ms" "p95 ms"
printf '%-36s %10s %10s\n' "git diff-index --cached HEAD" "$git_med" "$git_p95"
printf '%-36s %10s %10s\n' "leakstop staged (whole process)" "$ls_med" "$ls_p95"
awk -v l="$ls_med" -v g="$git_med" 'BEGIN{
	printf "median %.1f ms (target < 50 ms), %.1fx git diff-index\n", l, l/g }'
