#!/bin/sh
# Purge the storefront cache after a deploy. Uses the legacy global API key
# because the zone predates API tokens. Zone: fernwood.shop
ZONE_ID=0c9e3b8411531c2dddd03f57dd6721f3
CF_EMAIL=hostmaster@fernwood.dev
CF_API_KEY=⟦cloud:00f9⁞c6ed30ebc1b6d6175547739bf04453db9⟧

curl -sS -X POST "https://api.cloudflare.com/client/v4/zones/$ZONE_ID/purge_cache" \
  -H "X-Auth-Email: $CF_EMAIL" \
  -H "X-Auth-Key: $CF_API_KEY" \
  -H "Content-Type: application/json" \
  --data '{"purge_everything":true}'
