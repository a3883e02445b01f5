#!/usr/bin/env bash
# Creates a PlanetScale branch for a docs-preview deployment.
set -euo pipefail
export PLANETSCALE_SERVICE_TOKEN_ID=qm-preview
export PLANETSCALE_SERVICE_TOKEN=⟦saas:pscale_tkn_mLgJI-8-_8HXUjIr⁞tDx0A1rmxyomai0Lw8Mfr5MwKxw⟧
pscale branch create quillmark-docs "preview-${1:?pr number}" --org kelpie-labs --wait
pscale password create quillmark-docs "preview-$1" "pr-$1" --org kelpie-labs --format json > .pscale-creds.json
