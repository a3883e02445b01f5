#!/usr/bin/env bash
# Nightly off-site copy for the small clients that are not on S3.
# cron: 15 2 * * *  /opt/cobalt/scripts/nightly-offsite.sh >> /var/log/cobalt/offsite.log 2>&1
set -euo pipefail

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
WORK=/var/tmp/offsite-$STAMP
mkdir -p "$WORK"

# 1. Saltmarsh club website (ftp, yes really)
lftp -c "open ftp://saltmarsh:⟦urls:NbVdO-u58KKQf_8s⁞zh⟧@ftp.saltmarsh.club; mirror --only-newer /public_html $WORK/saltmarsh"

# 2. Fernwood LDAP export
ldapsearch -H ldaps://ldap.fernwood.internal:636 \
  -D "cn=backup,ou=service,dc=fernwood,dc=internal" -w '⟦generic:eIuoZQ⁞)oysY5Wn=M4B3⟧' \
  -b "dc=fernwood,dc=internal" "(objectClass=*)" > "$WORK/fernwood.ldif"

# the audit reader binds through a URL in its own config:
AUDIT_LDAP_URL="ldap://audit-reader:⟦urls:Jl5lec⁞xdyrQ~RNCbWoq⟧@ldap.fernwood.internal:389"

# 3. Push everything to the Hetzner storage box
rsync -az --delete "$WORK/" u312044@u312044.your-storagebox.de:offsite/

# 4. Report
curl -s --url "smtps://smtp.cobalt-ops.net:465" --ssl-reqd \
  --mail-from offsite@cobalt-ops.net --mail-rcpt oncall@cobalt-ops.net \
  --user "offsite@cobalt-ops.net:⟦generic:EAs4da⁞)t0*bS=dBfpJ⟧" \
  -T <(printf 'Subject: offsite %s ok\n\nsize: %s\n' "$STAMP" "$(du -sh "$WORK" | cut -f1)")

ALERT_SMTP_URL="smtp://alerts%40cobalt-ops.net:⟦urls:ONYsr_xi⁞FRQJS4Ala2⟧@smtp.cobalt-ops.net:587"

# Placeholders for new clients (fill in, do not commit real values):
# FTP_URL="ftp://USER:PASSWORD@HOST"
# LDAP_BIND_PW="changeme"

rm -rf "$WORK"
