#!/usr/bin/env bash
# bench/engine.sh: the engine's throughput against the Aho-Corasick pass
# alone, per input, in one run. The target is an engine at least half as
# fast as the keyword pass on clean text (STYLE.md, hot path).
#
# Usage: bench/engine.sh [extra go test flags, e.g. -count=3 -benchtime=3s]
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(go test -run '^$' -bench 'BenchmarkEngine|BenchmarkKeywordPass' -benchmem "$@" ./detect)
echo "$out"
echo
# Lines look like:
#   BenchmarkEngine/clean-8   66   18278433 ns/op   229.47 MB/s   0 matches/op   79648 B/op   204 allocs/op
# With -count, MB/s of repeated runs are averaged.
awk '
	/^Benchmark(Engine|KeywordPass)\// {
		split($1, p, "/"); bench = p[1]; input = p[2]; sub(/-[0-9]+$/, "", input)
		for (i = 2; i < NF; i++) {
			if ($(i + 1) == "MB/s") mbs = $i
			if ($(i + 1) == "allocs/op") allocs = $i
		}
		sum[bench, input] += mbs; n[bench, input]++
		if (bench == "BenchmarkEngine") al[input] = allocs
		if (!(input in seen)) { seen[input] = 1; order[++k] = input }
	}
	END {
		printf "%-10s %12s %14s %8s %12s\n", "input", "engine MB/s", "keyword MB/s", "ratio", "allocs/op"
		for (j = 1; j <= k; j++) {
			in_ = order[j]
			e = sum["BenchmarkEngine", in_] / n["BenchmarkEngine", in_]
			kw = sum["BenchmarkKeywordPass", in_] / n["BenchmarkKeywordPass", in_]
			printf "%-10s %12.1f %14.1f %7.0f%% %12s\n", in_, e, kw, 100 * e / kw, al[in_]
		}
	}' <<<"$out"
