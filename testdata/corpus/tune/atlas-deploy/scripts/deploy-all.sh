#!/usr/bin/env bash
# Atlas Studio (web agency) — deploys every client preview in one go.
# Usage: ./scripts/deploy-all.sh [--only CLIENT]
# Tokens normally come from `op run --env-file=ci/deploy.env`; the defaults
# below exist because the Friday demo machine has no 1Password CLI.
set -euo pipefail

: "${RENDER_API_KEY:=⟦cloud:rnd_Rk⁞4kpd1m8FmFITKBrJhjPPUgXIpdGO2M⟧}"
: "${NETLIFY_AUTH_TOKEN:=⟦generic:nfp_0o⁞g1ItemuDi1VZazctBSiEvkr3VGrnEI60f1qthh⟧}"
: "${FLY_API_TOKEN:=⟦cloud:fo1_b0Ql7qFAXO3-qW⁞mv7IDca_aHKNAask6TjO1aLnB6HzB⟧}"
: "${HEROKU_API_KEY:=⟦cloud:HRKU-AA⁞ZYq3aTgEceIXcU5pZDo5G2uXYV1-UzaVgiT3yvz-s3xBDlXG2IPGZSyP07⟧}"
: "${SCALINGO_API_TOKEN:=⟦saas:tk-us-RG⁞i3kYnMTv2AmdsFA53Lx-Pi3ILFBHT0PDxd-2dsTOz4tAZP⟧}"
: "${CLOUDFLARE_API_TOKEN:=⟦cloud:j4A6ll⁞mTITvMrC5l4P3n6Pe2twQ4Gx2SEbRlrNaz⟧}"
: "${CLOUDFLARE_ACCOUNT_TOKEN:=⟦cloud:cfat_YM⁞guzTfnfryY4mDxrLsEUZQJ3Cj8sOCWQMhct8ik836a1759⟧}"
: "${DIGITALOCEAN_ACCESS_TOKEN:=⟦cloud:doo_v1_51⁞71762d28cd4e1e8ee53e6a1dd7fdabf3c7dfce9b1517447085b857ca29a116⟧}"
: "${INFRACOST_API_KEY:=⟦saas:ico-XV⁞IYBuE6MhDVgJIKdOVL3PnqOyshvrlN⟧}"
: "${HARNESS_PLATFORM_API_KEY:=⟦saas:pat.jX47-3uncR-Rq⁞SjBiOIHOs.719a47faef3a0b9b348b9b5a.1P9soZFRQkCR0OFP4g2c⟧}"
: "${BUILDKITE_API_TOKEN:=⟦vcs:bkua_2c⁞1a15910c0c09cc8ba03b7c23ef3d791f8dc382⟧}"
: "${VERCEL_TOKEN:=${VERCEL_TOKEN_FROM_1P:-}}"
export RENDER_API_KEY NETLIFY_AUTH_TOKEN FLY_API_TOKEN HEROKU_API_KEY SCALINGO_API_TOKEN \
  CLOUDFLARE_API_TOKEN CLOUDFLARE_ACCOUNT_TOKEN DIGITALOCEAN_ACCESS_TOKEN INFRACOST_API_KEY \
  HARNESS_PLATFORM_API_KEY BUILDKITE_API_TOKEN

# The old DO app still uses the OAuth refresh flow
DO_REFRESH_TOKEN="⟦cloud:dor_v1_ef⁞4d8f60ca684877cd7ce86cbdf600264466d8a562141fac69014b07b6e4146c⟧"

# Global API key for the one zone that still needs it (page rules on the legacy plan)
CF_GLOBAL_KEY="⟦cloud:cfk_rF⁞KeTqdWAcRhQoPxL8dFUCxgMcPaignT7FfZuD05180a539c⟧"
CF_EMAIL="ops@atlas.studio"

deploy_render() {
  curl -fsS -X POST "https://api.render.com/v1/services/srv-cp3k2m9q4w1e8r5t3y6u/deploys" \
    -H "Authorization: Bearer $RENDER_API_KEY" -H "Accept: application/json"
}

deploy_netlify() {
  npx netlify-cli deploy --prod --dir=dist --site 1a80146b-9401-4bfa-b8d4-a4ff11b9feb3 --auth "$NETLIFY_AUTH_TOKEN"
}

deploy_fly() {
  flyctl deploy --app atlas-preview-"$1" --remote-only
}

purge_cdn() {
  curl -fsS -X POST "https://api.cloudflare.com/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache" \
    -H "X-Auth-Email: $CF_EMAIL" -H "X-Auth-Key: $CF_GLOBAL_KEY" \
    -H "Content-Type: application/json" --data '{"purge_everything":true}'
}

cost_check() {
  infracost breakdown --path infra/ --format table
}

for client in harbor-lights gristmill quillmark; do
  [[ -n "${ONLY:-}" && "$ONLY" != "$client" ]] && continue
  echo "==> $client"
  deploy_render
  deploy_netlify
  deploy_fly "$client"
done
purge_cdn
cost_check
