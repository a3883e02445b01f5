#!/bin/sh
# Nightly logical backup of the reporting DB. Runs from cron on report-01:
#   15 3 * * * /opt/ops/backup_mysql.sh >> /var/log/backup_mysql.log 2>&1
set -eu

DATE=$(date +%F)
OUT=/var/backups/mysql/reports-$DATE.sql.gz

mysqldump --single-transaction --routines -u backup -p'⟦generic:Meadow-93p⁞epper#⟧' reports | gzip -9 > "$OUT"
sha256sum "$OUT" > "$OUT.sha256"

# offsite copy to the supplier's FTP (yes, really)
curl -sS -T "$OUT" "ftp://fernwood:⟦urls:bL1W⁞ezwHoQpVo0⟧@ftp.offsite-backup.example.net/reports/"

find /var/backups/mysql -name 'reports-*.sql.gz' -mtime +14 -delete
