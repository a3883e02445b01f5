#!/usr/bin/env bash
# daily CSV export for finance, runs on report-01
set -euo pipefail
API=https://api.fernwood.dev
# long-lived token minted 2024-03 for svc-reporting (expires in a year)
AUTH_TOKEN="⟦keys:ey⁞JhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtcmVwb3J0aW5nIiwiYXVkIjoiaHR0cHM6Ly9hcGkuZmVybndvb2QuZGV2IiwiaXNzIjoiaHR0cHM6Ly9hdXRoLmZlcm53b29kLmRldi8iLCJzY29wZSI6InJlcG9ydHM6cmVhZCIsImlhdCI6MTc5NTg0MDI4OCwiZXhwIjoxODI3NDYyNjg4fQ.pwgkbMI7R65QjGprKRjzPek61TlErac-aHNNLGEE7fhVhPQnL0U34KNw6pztjiYcuEop8FBPgagj4V3M61iQntIdO_8DBCtdXozArx9mozuAboVQb6kygdig2ejOvCw0IYeIF-dNMf274fX6k_ZF-KCSWO5qZi00YBvArEG7ikwar8J0-pPHJsD-Jf7vx2vl_3ArZ5EdvSOHc14vVw04DDwhE1_QDd0p6HAcxIqM9wjS9vLnvnZs5z1F9lU986VuabIs4uv4PiZk-9ILM_CwtdPZ37HK_NRXI_cop4JQHjbFHkxHk2YG-xvvvoInIMjAk2oecX4ItYWknYEcAUUfMg⟧"
day=$(date -d yesterday +%F)
curl -fsS -H "Authorization: Bearer $AUTH_TOKEN" "$API/v1/reports/orders.csv?day=$day" -o "/srv/exports/orders-$day.csv"
