#!/bin/sh
# Provision a fresh shard host. Run from the bastion as root.
set -eu

SHARD="${1:?usage: provision.sh <shard>}"

install -d -m 0700 /etc/arena
install -m 0600 keys/server.key /etc/arena/server.key
install -m 0644 keys/server.crt /etc/arena/server.crt

# authorize the deploy key
grep -q arena-build-01 /home/arena/.ssh/authorized_keys || cat keys/arena_deploy.pub >> /home/arena/.ssh/authorized_keys

# pull the image pinned by digest
docker pull ghcr.io/arena-games/arena-server@sha256:b21da5a59122c3d2dee94bacfa84c7afdc76eb55df9a300c119f68047ace52ad
docker login ghcr.io -u arena-deploy --password-stdin < /root/.ghcr-token

# seed the shard's DB user (password comes from Vault)
ARENA_DB_PASSWORD="$(vault kv get -field=password secret/arena/$SHARD/db)"
psql -h "db-$SHARD.arena.internal" -U postgres -c "ALTER ROLE arena_rw PASSWORD '$ARENA_DB_PASSWORD'"

# legacy shards still use the MySQL leaderboard
mysql -h lb-$SHARD.arena.internal -u lb_admin -p⟦generic:cZdR-c0w0Jvhb.os⟧ leaderboard < sql/season7.sql
