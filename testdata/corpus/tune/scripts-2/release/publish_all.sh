#!/usr/bin/env bash
#
# publish_all.sh -- tag, build and publish every package of the monorepo.
# Usage: scripts/release/publish_all.sh 1.18.0
#
set -euo pipefail

VERSION="${1:?usage: $0 VERSION}"
ROOT="$(git rev-parse --show-toplevel)"

# fine-grained PAT, contents:write on kelpie-labs/* (expires 2025-03-01)
export GH_TOKEN="${GH_TOKEN:-⟦vcs:github_pat_ooMNfTQkU4FZX4TSLslXrT_exyovxxwbTD5⁞a6fuoXXUJnqsmc7V0MHo9LcP0WR3ViBricLylGnCTgsNDN2⟧}"
export PULUMI_ACCESS_TOKEN="⟦vcs:pul-46571e4695a3e030c4⁞b851ff7a4d431559061d87⟧"
GITLAB_DEPLOY_TOKEN="⟦vcs:gldt-qpT7hyJ⁞Gp5J62MbZ_0ex⟧"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

log "tagging v$VERSION"
git -C "$ROOT" tag -a "v$VERSION" -m "release $VERSION"
git -C "$ROOT" push origin "v$VERSION"

log "python"
( cd "$ROOT/tidewatch" && poetry version "$VERSION" && poetry build && poetry publish -u __token__ -p "$PYPI_TOKEN" )

log "npm"
( cd "$ROOT/packages/tide-client" && npm version "$VERSION" --no-git-tag-version && npm publish --access public )

log "mirror to gitlab"
git push "https://gitlab+deploy-token-39338:${GITLAB_DEPLOY_TOKEN}@gitlab.kelpie.internal/mirrors/tidewatch.git" "v$VERSION"

log "infra"
( cd "$ROOT/tidewatch-infra/pulumi" && pulumi up --yes --stack prod )

gh release create "v$VERSION" --generate-notes
log "done"
