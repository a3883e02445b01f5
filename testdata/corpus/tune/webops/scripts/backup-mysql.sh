#!/bin/sh
# nightly mysql backup → offsite FTP + Linode object storage
# installed as /etc/cron.daily/backup-mysql
set -eu

STAMP=$(date +%Y%m%d-%H%M)
OUT=/var/backups/mysql/estate-$STAMP.sql.gz
export MYSQL_PWD='⟦generic:+bl0!e+⁞xaMhN6q⟧'
LINODE_CLI_TOKEN=⟦cloud:b4ae78891c1d3d564c3b29b28e45aa69⁞47940453be76c78b2425be718522a334⟧
export LINODE_CLI_TOKEN

mkdir -p /var/backups/mysql
mysqldump --single-transaction --routines --events -u backup estate | gzip -9 > "$OUT"
sha256sum "$OUT" > "$OUT.sha256"

curl -sS --ftp-create-dirs -T "$OUT" "ftp://estate-backup:⟦urls:CU89vP0XTi⁞VA7BPPWSeq⟧@ftp.offsite-vault.example/mysql/"
linode-cli obj put "$OUT" estate-backups

find /var/backups/mysql -name '*.sql.gz' -mtime +14 -delete
logger -t backup-mysql "ok $OUT $(stat -c %s "$OUT") bytes"
