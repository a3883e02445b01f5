#!/usr/bin/env bash
# Queue a Terraform Cloud run for the given workspace and wait for it.
set -euo pipefail

WORKSPACE="${1:?workspace}"
ORG="kelpie-labs"
TFC_TOKEN="${TFC_TOKEN:-⟦vcs:SUrlm03xRmU9RW.atlasv1.VVMoEeNnmMnvFufOTusvWM⁞HHKI7rmOp5Ftlaaoj6G8EhFmHto0M8ngmp8pZs8DEBvsh⟧}"

ws_id=$(curl -sf -H "Authorization: Bearer $TFC_TOKEN" \
  "https://app.terraform.io/api/v2/organizations/$ORG/workspaces/$WORKSPACE" | jq -r .data.id)

run_id=$(curl -sf -X POST -H "Authorization: Bearer $TFC_TOKEN" -H "Content-Type: application/vnd.api+json" \
  --data "{\"data\":{\"type\":\"runs\",\"relationships\":{\"workspace\":{\"data\":{\"type\":\"workspaces\",\"id\":\"$ws_id\"}}}}}" \
  https://app.terraform.io/api/v2/runs | jq -r .data.id)

echo "queued $run_id"
while :; do
  status=$(curl -sf -H "Authorization: Bearer $TFC_TOKEN" https://app.terraform.io/api/v2/runs/$run_id | jq -r .data.attributes.status)
  echo "$(date +%T) $status"
  case "$status" in
    applied|planned_and_finished) exit 0 ;;
    errored|canceled|discarded) exit 1 ;;
  esac
  sleep 10
done
