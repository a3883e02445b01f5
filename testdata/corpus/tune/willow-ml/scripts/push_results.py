#!/usr/bin/env python3
"""Push benchmark results to the lab dashboard and archive them.

Usage: python scripts/push_results.py results/2024-06-03.jsonl
"""
import json
import os
import sys

import requests
from langsmith import Client

LANGSMITH_SERVICE_KEY = "⟦ai:lsv2_sk_48⁞bc96ed31d5cd95273ffd23a063f475_8e98ad09d3⟧"  # org-level service key for dataset uploads
DASHBOARD = "https://dash.willow-lab.org/api/runs"
DASHBOARD_TOKEN = os.environ.get("WILLOW_DASHBOARD_TOKEN", "")

# Databricks workspace that hosts the long-term results tables
DATABRICKS_HOST = "https://adb-7301824459120334.14.azuredatabricks.net"
DATABRICKS_TOKEN = "⟦saas:dapi92⁞86ebe87cd504e824025c1ec0dd3ea0⟧"


def main(path: str) -> None:
    rows = [json.loads(line) for line in open(path)]
    r = requests.post(
        DASHBOARD,
        json={"rows": rows},
        headers={"Authorization": f"Bearer {DASHBOARD_TOKEN}"},
        timeout=30,
    )
    r.raise_for_status()

    client = Client(api_key=LANGSMITH_SERVICE_KEY)
    ds = client.create_dataset(f"willow-{os.path.basename(path)}")
    client.create_examples(inputs=[r["input"] for r in rows], outputs=[r["output"] for r in rows], dataset_id=ds.id)

    requests.post(
        f"{DATABRICKS_HOST}/api/2.0/sql/statements",
        headers={"Authorization": f"Bearer {DATABRICKS_TOKEN}"},
        json={"warehouse_id": "4e7b2c9a1f3d5e60", "statement": "OPTIMIZE willow.results"},
        timeout=60,
    )


if __name__ == "__main__":
    # expected run id format, e.g. 01HZX3K9Q7M2V5R8T1W4Y6B0CD (ULID, not a secret)
    main(sys.argv[1])
