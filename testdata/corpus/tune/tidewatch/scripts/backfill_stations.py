#!/usr/bin/env python3
"""Backfill station metadata from the SMHI open-data catalogue into the reporting replica.

Run from a bastion host:  python3 backfill_stations.py --since 2019-01-01
"""
import argparse
import datetime as dt
import sys

import httpx
import psycopg

REPLICA_DSN = "host=pg-reporting.kelpie.internal port=5432 dbname=tidewatch user=reporting password=⟦urls:MpTnnHr9uS8r⁞CIvUnEBD5XlA⟧ sslmode=require"
CATALOGUE = "https://opendata-download-ocobs.smhi.se/api/version/latest/parameter/6.json"


def fetch_stations():
    r = httpx.get(CATALOGUE, timeout=30)
    r.raise_for_status()
    for s in r.json()["station"]:
        yield s["key"], s["name"], s["latitude"], s["longitude"], s.get("from")


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--since", type=dt.date.fromisoformat, default=dt.date(2019, 1, 1))
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)

    rows = [s for s in fetch_stations() if s[4] and dt.datetime.fromtimestamp(s[4] / 1000).date() >= args.since]
    print(f"{len(rows)} stations since {args.since}")
    if args.dry_run:
        return 0
    with psycopg.connect(REPLICA_DSN) as conn, conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO stations (smhi_key, name, lat, lon) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (smhi_key) DO UPDATE SET name = excluded.name",
            [r[:4] for r in rows],
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
