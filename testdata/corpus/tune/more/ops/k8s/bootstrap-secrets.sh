#!/usr/bin/env bash
# One-off bootstrap for the "assist" namespace. Run from a jump host with kubectl context set.
set -euo pipefail
NS=assist

kubectl create namespace "$NS" --dry-run=client -o yaml | kubectl apply -f -

kubectl -n "$NS" create secret generic assist-db \
  --from-literal=username=assist \
  --from-literal=password='⟦generic:Orbit.9227meadow*VH⟧' \
  --dry-run=client -o yaml | kubectl apply -f -

kubectl -n "$NS" create secret docker-registry ghcr-pull \
  --docker-server=ghcr.io \
  --docker-username=acme-bot \
  --docker-password=⟦vcs:ghp_v7HRd3j1mqRhLV5N⁞CfpMTO5mrjVto41ji34N⟧ \
  --dry-run=client -o yaml | kubectl apply -f -

# provider keys go into one env file
cat > /tmp/assist.env <<EOF
XAI_API_KEY=⟦ai:xai-zfNXq7LBe5t16kdL5QgpUCEgXMbRHkrkOceIBo⁞fEBb8SU3Yubx5bZWpfrA57AvN2BF3wKyfrNY84SzM6⟧
NEW_RELIC_API_KEY=⟦saas:NRAK-XO5HCKHO9LH⁞K6CNEVJ9XYEFHIML⟧
NEW_RELIC_LICENSE_KEY=⟦saas:3fda90c5ec1530d98781⁞05d22f5a0b1cd7c5NRAL⟧
SESSION_SECRET=${SESSION_SECRET:?export SESSION_SECRET first}
EOF
kubectl -n "$NS" create secret generic assist-env --from-env-file=/tmp/assist.env --dry-run=client -o yaml | kubectl apply -f -
shred -u /tmp/assist.env
echo "done"
