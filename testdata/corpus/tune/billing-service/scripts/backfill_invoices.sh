#!/usr/bin/env bash
# Re-generate invoice PDFs for a date range and post a summary to #billing-ops.
# usage: backfill_invoices.sh 2024-01-01 2024-01-31
set -euo pipefail

FROM="${1:?from date}"
TO="${2:?to date}"
SLACK_WEBHOOK="⟦messaging:https://hooks.slac⁞k.com/services/TQYM3TWEL/B4GXCOCTVMG/xLLfF1fH3AHx1uTpxPJsmV6I⟧"

cd "$(dirname "$0")/.."
count=$(python manage.py backfill_invoices --from "$FROM" --to "$TO" --quiet | tail -n1)

payload=$(printf '{"text":"Backfilled %s invoices (%s .. %s) on %s"}' "$count" "$FROM" "$TO" "$(hostname)")
curl -fsS -X POST -H 'Content-type: application/json' --data "$payload" "$SLACK_WEBHOOK"
