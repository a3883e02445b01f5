#!/usr/bin/env bash
# Manual preview deploy when the Git integration is down.
set -euo pipefail
export VERCEL_ORG_ID=team_Qw8eR2tY6uI0oP4aS7dF1gH5
export VERCEL_PROJECT_ID=prj_Xk2mP9qL4rT7wZ1vB5nC8dF3gH6j
VERCEL_TOKEN="${VERCEL_TOKEN:-⟦cloud:vcp_⁞ML1qCMIwNFlfj092GrpuHdTPi9sgLJYzX5zQYxSxLkpgOBcj⟧}"

npx vercel pull --yes --environment=preview --token="$VERCEL_TOKEN"
npx vercel build --token="$VERCEL_TOKEN"
url=$(npx vercel deploy --prebuilt --token="$VERCEL_TOKEN")
echo "preview: $url"

# Netlify mirror for the docs site
NETLIFY_AUTH_TOKEN=⟦generic:nfp_⁞OvkRejTlI3UzV7k2C4a6yQD54ibFSqwsrzCmr7pc⟧ npx netlify deploy --dir=apps/docs/out --site=4f8a2c6e-1b3d-4e5f-9a7b-8c0d1e2f3a4b
