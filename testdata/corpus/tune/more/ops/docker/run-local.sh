#!/bin/sh
# Spin up the local stack without compose (for the ARM laptops)
docker network create acme-dev 2>/dev/null || true

docker run -d --name dev-postgres --network acme-dev \
  -e POSTGRES_USER=acme -e POSTGRES_PASSWORD=acme -e POSTGRES_DB=acme \
  -p 5432:5432 postgres:16-alpine

docker run -d --name dev-keycloak --network acme-dev \
  -e KEYCLOAK_ADMIN=admin \
  -e KEYCLOAK_ADMIN_PASSWORD=⟦generic:Orbit.1323saffron.MV⟧ \
  -p 8081:8080 quay.io/keycloak/keycloak:24.0 start-dev

docker run -d --name dev-api --network acme-dev \
  --env-file .env.local \
  -e DATABASE_URL="postgres://acme:acme@dev-postgres:5432/acme" \
  -e TELEGRAM_BOT_TOKEN=⟦messaging:9019566589:AACDzKjpH13C⁞Q079-RlfIMWsFVm2nwaGC8N⟧ \
  -p 8080:8080 acme/api:dev
