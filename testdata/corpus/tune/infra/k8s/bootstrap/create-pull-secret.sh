#!/usr/bin/env bash
# Creates the GitLab registry pull secret in every app namespace.
# Deploy token "k8s-pull" (read_registry) of group fernwood.
set -euo pipefail

USER=gitlab+deploy-token-5230062
TOKEN=⟦vcs:gldt-uoyEz⁞3mcmSKjL3XUzlLP⟧

for ns in ingest orders billing catalog; do
  kubectl -n "$ns" create secret docker-registry gitlab-registry \
    --docker-server=registry.gitlab.com \
    --docker-username="$USER" \
    --docker-password="$TOKEN" \
    --dry-run=client -o yaml | kubectl apply -f -
done
