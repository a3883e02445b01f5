#!/usr/bin/env bash
# Point home.fernwood.dev at the current public IP (Linode DNS manager).
set -euo pipefail

LINODE_TOKEN="${LINODE_TOKEN:-⟦cloud:2baa⁞b6be67ac1259dbfcce05249d52d49aa2473cd64ce532ab696968f4269b90⟧}"
DOMAIN_ID=2605073
RECORD_ID=35137470

ip=$(curl -fsS https://ifconfig.me)
curl -fsS -X PUT "https://api.linode.com/v4/domains/$DOMAIN_ID/records/$RECORD_ID" \
  -H "Authorization: Bearer $LINODE_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"target\": \"$ip\", \"ttl_sec\": 300}"
echo "home.fernwood.dev -> $ip"
