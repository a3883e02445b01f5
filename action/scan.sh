#!/usr/bin/env bash
# The scan step of the GitHub Action (action.yml): decides from the event
# what to scan, runs leakstop git, and leaves annotations (workflow
# commands on stdout), the job summary ($GITHUB_STEP_SUMMARY), a SARIF
# report and the step's outputs ($GITHUB_OUTPUT).
#
#   pull_request   the PR's commits: base..head, findings only on lines they add
#   push           the pushed commits: before..after (a new branch: the commits
#                  the default branch lacks)
#   anything else  all history of every ref
#
# Findings do not fail this step (the action's next steps upload SARIF and
# then fail the job); a scan that cannot run does (exit 2 or 3).
set -euo pipefail

zero=0000000000000000000000000000000000000000
event=${GITHUB_EVENT_NAME:?GITHUB_EVENT_NAME is not set: run this as a GitHub Action}
payload=${GITHUB_EVENT_PATH:?GITHUB_EVENT_PATH is not set: run this as a GitHub Action}
mode=${LEAKSTOP_MODE:-auto}
sarif=${LEAKSTOP_SARIF:-leakstop.sarif}
out=${RUNNER_TEMP:-${TMPDIR:-/tmp}}
json="$out/leakstop-report.json"

fail() {
	echo "::error title=leakstop::$*"
	exit 3
}

field() { jq -r "$1 // empty" "$payload"; }

if [ "$mode" = auto ]; then
	case "$event" in
	pull_request | pull_request_target) mode="pr" ;;
	push) mode=push ;;
	*) mode=history ;;
	esac
fi

# have COMMIT: whether the clone has it.
have() { git cat-file -e "$1^{commit}" 2>/dev/null; }

# ensure COMMIT...: fetch what the checkout lacks, and the full history
# when the clone is shallow: a range compares each commit with its parents,
# and a missing parent would make every line of a file look added.
ensure() {
	local missing=() c
	for c in "$@"; do
		[ -n "$c" ] && [ "$c" != "$zero" ] && ! have "$c" && missing+=("$c")
	done
	if ((${#missing[@]})); then
		git fetch --no-tags --quiet origin "${missing[@]}" || true
	fi
	if [ "$(git rev-parse --is-shallow-repository)" = true ]; then
		git fetch --no-tags --quiet --unshallow origin || fail "cannot fetch the history the range needs (use actions/checkout with fetch-depth: 0)"
	fi
}

range=()
case "$mode" in
pr)
	base=$(field .pull_request.base.sha)
	head=$(field .pull_request.head.sha)
	if [ -z "$base" ] || [ -z "$head" ]; then
		fail "mode pr: the event has no pull_request.base.sha and head.sha"
	fi
	ensure "$base" "$head"
	range=(--range "$base..$head")
	;;
push)
	before=$(field .before)
	after=$(field .after)
	[ -n "$after" ] || fail "mode push: the event has no after commit"
	if [ "$after" = "$zero" ]; then
		mode=none # a deleted branch: nothing was pushed
	elif [ -z "$before" ] || [ "$before" = "$zero" ]; then
		# A new branch: what the default branch does not have.
		default=$(field .repository.default_branch)
		ensure "$after"
		if [ -n "$default" ] && git rev-parse -q --verify "refs/remotes/origin/$default^{commit}" >/dev/null; then
			range=(--range "origin/$default..$after")
		else
			range=(--range "$zero..$after")
		fi
	else
		ensure "$before" "$after"
		# A force-push over commits the clone never had: leakstop bounds the
		# range by the other refs and says so.
		range=(--range "$before..$after")
	fi
	;;
history) ensure ;;
*) fail "unknown mode \"$mode\": want auto, pr, push or history" ;;
esac
category="leakstop/$mode/"

# from_source builds leakstop from the action's own ref.
from_source() {
	bin="$out/leakstop"
	(cd "${LEAKSTOP_ACTION_PATH:?}" && go build -o "$bin" ./cmd/leakstop) || fail "building leakstop from the action's source failed"
}

# from_release VERSION downloads that release's binary for this runner and
# checks it against the release's checksums. A release that cannot be
# fetched falls back to building from source; a checksum that does not
# match fails the step, as the download was tampered with or broken.
from_release() {
	local version=$1 releases=${LEAKSTOP_RELEASES_URL:-https://github.com/leakstop/leakstop/releases}
	local os arch ext name dir
	if [ "$version" = latest ]; then
		version=$(curl -fsSL "${LEAKSTOP_RELEASES_API:-https://api.github.com/repos/leakstop/leakstop/releases/latest}" | jq -r '.tag_name // empty') || version=
		if [ -z "$version" ]; then
			echo "::warning title=leakstop::could not find the latest release; building leakstop from the action's source"
			from_source
			return
		fi
	fi
	case "${RUNNER_OS:-Linux}" in
	Linux) os=linux ;;
	macOS) os=darwin ;;
	Windows) os=windows ;;
	*) fail "no leakstop release for runner OS \"$RUNNER_OS\"" ;;
	esac
	case "${RUNNER_ARCH:-X64}" in
	X64) arch=amd64 ;;
	ARM64) arch=arm64 ;;
	*) fail "no leakstop release for runner architecture \"$RUNNER_ARCH\"" ;;
	esac
	ext=tar.gz
	[ "$os" = windows ] && ext=zip
	name="leakstop_${version#v}_${os}_${arch}.$ext"
	dir="$out/leakstop-$version"
	mkdir -p "$dir"
	if ! curl -fsSL -o "$dir/$name" "$releases/download/$version/$name" ||
		! curl -fsSL -o "$dir/checksums.txt" "$releases/download/$version/leakstop_${version#v}_checksums.txt"; then
		echo "::warning title=leakstop::could not download leakstop $version; building it from the action's source"
		from_source
		return
	fi
	want=$(awk -v n="$name" '$2 == n { print $1 }' "$dir/checksums.txt")
	got=$(sha256sum "$dir/$name" | awk '{ print $1 }')
	[ -n "$want" ] || fail "leakstop $version: $name is not in the release's checksums"
	[ "$want" = "$got" ] || fail "leakstop $version: $name has SHA-256 $got, the release says $want"
	if [ "$ext" = zip ]; then
		unzip -qo "$dir/$name" -d "$dir" || fail "leakstop $version: cannot unpack $name"
		bin="$dir/leakstop.exe"
	else
		tar -xzf "$dir/$name" -C "$dir" leakstop || fail "leakstop $version: cannot unpack $name"
		bin="$dir/leakstop"
	fi
	echo "leakstop $version: $name, SHA-256 verified" >&2
}

bin=${LEAKSTOP_BIN:-}
if [ -z "$bin" ]; then
	case "${LEAKSTOP_VERSION:-source}" in
	source) from_source ;;
	latest | v[0-9]*) from_release "$LEAKSTOP_VERSION" ;;
	*) fail "version \"$LEAKSTOP_VERSION\": want source, latest or a release tag such as v1.2.3" ;;
	esac
fi

{
	echo "mode=$mode"
	echo "category=$category"
} >>"${GITHUB_OUTPUT:-/dev/null}"
if [ "$mode" = none ]; then
	printf 'findings=0\nadded-suppressions=0\n' >>"${GITHUB_OUTPUT:-/dev/null}"
	echo "leakstop: the push deleted a branch; nothing to scan."
	exit 0
fi

args=(git . "${range[@]}" --exit-code 0 --no-progress --format github
	--report "sarif=$sarif" --report "json=$json" --sarif-category "$category")
[ -n "${LEAKSTOP_CONFIG:-}" ] && args+=(--config "$LEAKSTOP_CONFIG")
[ -n "${LEAKSTOP_BASELINE:-}" ] && args+=(--baseline "$LEAKSTOP_BASELINE")
[ "${LEAKSTOP_FAIL_ON_NEW_SUPPRESSIONS:-false}" = true ] && args+=(--fail-on-new-suppressions)
# The rotation webhook: its spool in the runner's temporary folder, outside
# the work tree; what it still holds after the run is uploaded as an artifact.
spool="$out/leakstop-rotation-spool.jsonl"
if [ -n "${LEAKSTOP_ROTATE_URL:-}" ]; then
	[ -n "${LEAKSTOP_WEBHOOK_SECRET:-}" ] || fail "rotate-url needs webhook-secret (the whsec_ signing keys)"
	args+=(--rotate-url "$LEAKSTOP_ROTATE_URL" --rotate-spool "$spool")
fi
if [ -n "${LEAKSTOP_ARGS:-}" ]; then
	read -r -a extra <<<"$LEAKSTOP_ARGS"
	args+=("${extra[@]}")
fi

status=0
"$bin" "${args[@]}" || status=$?
if [ -s "$spool" ]; then
	{
		echo "rotation-spool=$spool"
		echo "rotation-spool-artifact=leakstop-rotation-spool-${GITHUB_JOB:-job}-${GITHUB_RUN_ATTEMPT:-1}-$RANDOM$RANDOM"
	} >>"${GITHUB_OUTPUT:-/dev/null}"
	echo "::warning title=leakstop::rotation events not delivered are kept in $spool (uploaded as an artifact); send them with: leakstop rotate replay FILE"
fi
# With --fail-on-new-suppressions, exit 1 says the change adds
# suppressions that hide findings: the action's last step fails the job,
# after the SARIF upload.
if [ "$status" -eq 1 ] && [ "${LEAKSTOP_FAIL_ON_NEW_SUPPRESSIONS:-false}" = true ]; then
	status=0
	if [ "$(jq -r '.partial' "$json" 2>/dev/null)" = true ]; then
		status=3
	fi
fi
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
	fail "leakstop exited with status $status"
fi
findings=$(jq -r '.summary.findings' "$json") || fail "cannot read the report $json"
added=$(jq -r '.summary.added_suppressions_in_use // 0' "$json") || fail "cannot read the report $json"
{
	echo "findings=$findings"
	echo "added-suppressions=$added"
	echo "sarif-path=$sarif"
} >>"${GITHUB_OUTPUT:-/dev/null}"
if [ "$status" -eq 3 ]; then
	fail "some items could not be read; the report is partial (see the job summary)"
fi
