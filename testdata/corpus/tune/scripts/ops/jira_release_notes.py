#!/usr/bin/env python3
"""Build release notes from Jira issues fixed in a version."""
import base64
import sys

import requests

JIRA = "https://fernwood.atlassian.net"
USER = "release-bot@fernwood.dev"
API_TOKEN = "⟦saas:AT⁞ATT3xFfGF0cZaJs3wXEw4w1iQvE9cWWaN37fHwCavqRAlXUHzQMnLxyCDlzPn8nXlu0rPPSjtdkaSXZqh64XCZdaTN-m6fRfFqBacN9RzIjHI2Yb59AgPIDvDIWowLji8RaQn-88J41ReSe8viXyFbS3E23pLmy8hn-Onz-jhbaXsbQB4EjU=C05E29B0⟧"


def issues(version: str):
    auth = base64.b64encode(f"{USER}:{API_TOKEN}".encode()).decode()
    r = requests.get(
        f"{JIRA}/rest/api/3/search",
        params={"jql": f'fixVersion = "{version}" ORDER BY key', "fields": "summary,issuetype"},
        headers={"Authorization": f"Basic {auth}", "Accept": "application/json"},
        timeout=30,
    )
    r.raise_for_status()
    return r.json()["issues"]


def main(version: str) -> None:
    by_type = {}
    for it in issues(version):
        by_type.setdefault(it["fields"]["issuetype"]["name"], []).append(it)
    print(f"# Release {version}\n")
    for kind, items in sorted(by_type.items()):
        print(f"## {kind}")
        for it in items:
            print(f"- {it['key']}: {it['fields']['summary']}")
        print()


if __name__ == "__main__":
    main(sys.argv[1])
