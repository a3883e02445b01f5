#!/usr/bin/env bash
# bench/dir.sh: how much slower is `leakstop dir` than reading the files?
#
# Builds, once, a synthetic tree of realistic text under bench/out/tree
# (>= 200 MB and >= 20,000 files: the Go distribution's sources, docs and
# test data copied into nested folders, each copy made distinct so no blob
# is deduplicated, three large generated files (under the default --max-file-size), and fake secrets from
# leakstop-fake sprinkled in), builds leakstop, then measures in the same
# run, after a warm-up of each so both read from the page cache:
#
#   cat       find TREE -type f -print0 | xargs -0 cat > /dev/null
#   leakstop  leakstop dir TREE --format json --report-path /dev/null --no-progress
#
# and prints the median wall time of each, their ratio, and leakstop's peak
# RSS. No root needed; caches are not dropped.
#
# Usage: bench/dir.sh [RUNS]        RUNS per command, default 5
# Environment: TREE_MB (200), TREE_FILES (20000), SEED (1), JOBS (leakstop
# --jobs, default its own).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
min_mb=${TREE_MB:-200}
min_files=${TREE_FILES:-20000}
seed=${SEED:-1}
out=bench/out
tree=$out/tree
bin=$out/leakstop
mkdir -p "$out"
# Generated files may end in .go: a module of their own keeps them out of ./...
[ -f "$out/go.mod" ] || echo "module benchout" >"$out/go.mod"

goroot=$(go env GOROOT)
# The tree depends on these; a stamp that differs means rebuild.
want_stamp="seed=$seed mb=$min_mb files=$min_files $(go env GOVERSION) generator=2"

build_tree() {
	echo "building the tree under $tree (once) ..." >&2
	rm -rf "$tree" "$out/tree.stamp"
	mkdir -p "$tree"
	# Text files of the Go distribution, in a fixed order.
	(cd "$goroot/src" && find . -type f \( -name '*.go' -o -name '*.s' -o -name '*.c' -o -name '*.h' \
		-o -name '*.txt' -o -name '*.json' -o -name '*.md' -o -name '*.html' -o -name '*.js' -o -name '*.css' \
		-o -name '*.yaml' -o -name '*.yml' -o -name '*.toml' -o -name '*.sh' -o -name '*.py' -o -name '*.golden' \
		-o -name '*.pem' -o -name '*.csv' -o -name '*.xml' -o -name '*.tmpl' -o -name '*.mod' -o -name '*.sum' \
		-o -name '*.bash' -o -name '*.bat' -o -name '*.conf' -o -name '*.ini' -o -name '*.svg' \) \
		-size -2048k | LC_ALL=C sort) >"$out/sources.list"
	# Fake secrets, two per catalog rule: "rule-id<TAB>secret", key
	# material continuing over the following lines.
	go run ./rules/fake/cmd/leakstop-fake -seed "$seed" -n 2 >"$out/secrets.tsv"
	perl - "$goroot/src" "$out/sources.list" "$out/secrets.tsv" "$tree" "$min_mb" "$min_files" "$seed" <<'PERL'
use strict;
use warnings;
use File::Path qw(make_path);
use File::Basename qw(dirname);

my ($src, $list, $secrets, $root, $min_mb, $min_files, $seed) = @ARGV;
srand($seed);    # perl's rand is drand48 on every platform: the tree is reproducible
my $min_bytes = $min_mb * 1_000_000;

my @secrets;
open my $sf, '<', $secrets or die "$secrets: $!";
while (my $l = <$sf>) {
	if ($l =~ /^([a-z0-9][a-z0-9.-]*)\t(.*)/s) { push @secrets, [$1, $2] }
	elsif (@secrets) { $secrets[-1][1] .= $l }
}
close $sf;
$_->[1] =~ s/\n\z// for @secrets;
die "no fake secrets" unless @secrets;

my ($bytes, $files, $planted) = (0, 0, 0);
sub put {
	my ($path, $data) = @_;
	make_path(dirname($path));
	open my $f, '>:raw', $path or die "$path: $!";
	print $f $data;
	close $f;
	$bytes += length $data;
	$files++;
}

# A secret as code assigns it: NAME = "value", under a name from its rule.
sub secret_line {
	my $s = $secrets[$planted++ % @secrets];
	(my $name = uc $s->[0]) =~ tr/-./__/;
	return $s->[1] =~ /\n/ ? "$s->[1]\n" : "$name = \"$s->[1]\"\n";
}

my @words = qw(user account order item config handler request response buffer count index
	value result error client server cache queue event status path name size offset limit
	timeout retry session message payload header body query filter record batch worker job);
sub w { $words[int rand @words] }
sub hexs { join '', map { sprintf '%02x', int rand 256 } 1 .. $_[0] }
sub uuid { my $h = hexs(16); join '-', substr($h, 0, 8), substr($h, 8, 4), substr($h, 12, 4), substr($h, 16, 4), substr($h, 20) }
sub ts { sprintf '2024-%02d-%02dT%02d:%02d:%02d.%03dZ', 1 + int rand 12, 1 + int rand 28, int rand 24, int rand 60, int rand 60, int rand 1000 }

# Three large files: an application log, a JSON-lines export, a bundle
# of minified JavaScript in long lines; each under leakstop's default
# --max-file-size (10 MiB), so both commands read the same bytes.
sub big {
	my ($path, $size, $gen) = @_;
	my $data = '';
	while (length $data < $size) {
		$data .= $gen->();
		$data .= secret_line() if rand() < 1 / 20000;
	}
	put("$root/$path", $data);
}
big('var/log/app/app.log', 9_500_000, sub {
	sprintf "%s %s [%s-worker-%d] request_id=%s method=GET path=/api/v1/%s/%d status=%d duration_ms=%d\n",
		ts(), (qw(INFO INFO INFO DEBUG WARN ERROR))[int rand 6], w(), int rand 64, uuid(), w(), int rand 100000,
		(200, 200, 200, 204, 301, 404, 500)[int rand 7], int rand 2000;
});
big('exports/events.jsonl', 8_000_000, sub {
	sprintf qq({"id":"%s","time":"%s","type":"%s.%s","actor":{"id":%d,"name":"%s %s"},"payload":{"%s":%d,"digest":"%s"}}\n),
		uuid(), ts(), w(), w(), int rand 1e6, w(), w(), w(), int rand 1e4, hexs(32);
});
big('web/static/js/bundle.min.js', 6_000_000, sub {
	my $line = '';
	$line .= sprintf 'function %s(e,t){return e.%s(t,%d)}var %s=%s.%s||{};', chr(97 + rand 26), w(), int rand 1000,
		chr(97 + rand 26), chr(97 + rand 26), w() while length $line < 100_000 + rand 100_000;
	"$line\n";
});

# Copies of the distribution's text files, one folder per round, until the
# tree is large enough. The first line makes every copy a distinct blob.
open my $lf, '<', $list or die "$list: $!";
chomp(my @list = <$lf>);
close $lf;
my $round = 0;
ROUND: while ($bytes < $min_bytes || $files < $min_files) {
	$round++;
	for my $rel (@list) {
		open my $in, '<:raw', "$src/$rel" or next;
		local $/;
		my $data = <$in>;
		close $in;
		$rel =~ s{^\./}{};
		$data = "# copy $round of $rel\n" . $data;
		if (rand() < 1 / 40) {
			my @lines = split /^/, $data;
			splice @lines, int rand(@lines + 1), 0, secret_line();
			$data = join '', @lines;
		}
		put(sprintf("%s/projects/p%02d/%s", $root, $round, $rel), $data);
		last ROUND if $bytes >= $min_bytes && $files >= $min_files;
	}
}
printf STDERR "tree: %d files, %.1f MB, %d fake secrets planted\n", $files, $bytes / 1e6, $planted;
PERL
	echo "$want_stamp" >"$out/tree.stamp"
}

if [[ ! -f $out/tree.stamp || $(cat "$out/tree.stamp") != "$want_stamp" ]]; then
	build_tree
fi

if ! go build -o "$bin" ./cmd/leakstop; then
	echo "dir.sh: leakstop does not build; the tree is ready under $tree" >&2
	exit 1
fi

nfiles=$(find "$tree" -type f | wc -l)
mbytes=$(find "$tree" -type f -printf '%s\n' | awk '{s += $1} END {printf "%.1f", s / 1e6}')
echo "tree: $tree: $nfiles files, $mbytes MB; $(nproc) CPUs; $runs runs each after a warm-up"

jobs_flag=()
[[ -n ${JOBS:-} ]] && jobs_flag=(--jobs "$JOBS")

# timed runs a command and sets elapsed to its wall time in milliseconds.
elapsed=0
timed() {
	local t0 t1
	t0=$(date +%s%N)
	"$@"
	t1=$(date +%s%N)
	elapsed=$(((t1 - t0) / 1000000))
}

run_cat() {
	find "$tree" -type f -print0 | xargs -0 cat >/dev/null
}

rss_file=$(mktemp)
trap 'rm -f "$rss_file"' EXIT
peak_kb=0

# run_leakstop runs one scan and raises peak_kb to its peak RSS. Exit
# status 1 means findings (expected: the tree has fake secrets).
run_leakstop() {
	local rc=0 kb=0
	if [[ -x /usr/bin/time ]]; then
		/usr/bin/time -v -o "$rss_file" "$bin" dir "$tree" --format json --report-path /dev/null --no-progress "${jobs_flag[@]}" || rc=$?
		kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$rss_file")
	else
		"$bin" dir "$tree" --format json --report-path /dev/null --no-progress "${jobs_flag[@]}" &
		local pid=$! v
		while v=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null) && [[ -n $v ]]; do
			kb=$v
			sleep 0.05
		done
		wait "$pid" || rc=$?
	fi
	case $rc in
	0 | 1) ;;
	3) echo "dir.sh: leakstop exit 3: some items could not be read" >&2 ;;
	*)
		echo "dir.sh: leakstop failed with exit status $rc" >&2
		exit 1
		;;
	esac
	((${kb:-0} > peak_kb)) && peak_kb=$kb
	return 0
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

run_cat
run_leakstop # warm-up: the page cache, and leakstop's binary
cat_ms=() ls_ms=()
for ((i = 1; i <= runs; i++)); do
	timed run_cat
	cat_ms+=("$elapsed")
	timed run_leakstop
	ls_ms+=("$elapsed")
	echo "run $i: cat ${cat_ms[-1]} ms, leakstop ${ls_ms[-1]} ms" >&2
done

cat_med=$(printf '%s\n' "${cat_ms[@]}" | median)
ls_med=$(printf '%s\n' "${ls_ms[@]}" | median)
awk -v c="$cat_med" -v l="$ls_med" -v mb="$mbytes" -v kb="$peak_kb" 'BEGIN {
	printf "cat       median %7d ms  %8.1f MB/s\n", c, mb / (c / 1000)
	printf "leakstop  median %7d ms  %8.1f MB/s\n", l, mb / (l / 1000)
	printf "ratio     leakstop/cat = %.2f\n", l / c
	printf "peak RSS  leakstop %.1f MiB\n", kb / 1024
}'
