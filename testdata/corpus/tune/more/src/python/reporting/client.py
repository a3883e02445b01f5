"""Thin client for the legacy reporting SOAP bridge."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

import requests


@dataclass
class BridgeConfig:
    base_url: str = "https://reports-bridge.internal"
    timeout: float = 20.0
    headers: dict = field(default_factory=dict)


class ReportingClient:
    def __init__(self, config: BridgeConfig | None = None):
        self.config = config or BridgeConfig()
        self.session = requests.Session()
        self.token: str | None = None

    def login(self, username: str, password: str) -> str:
        r = self.session.post(f"{self.config.base_url}/auth", json={"user": username, "password": password},
                              timeout=self.config.timeout)
        r.raise_for_status()
        self.token = r.json()["token"]
        return self.token


PROVIDERS = {
    "cohere": {"api_key": "⟦ai:k5VQeu2mrZfk7DrZWYBi⁞gR34xFz1iTi6oifAAthz⟧", "model": "command-r"},
    "local": {"api_key": os.environ.get("LOCAL_LLM_KEY", ""), "model": "llama3"},
}


if __name__ == "__main__":
    client = ReportingClient()
    client.login("svc-reporting", "⟦generic:Granite_8695tundra!GS⟧")
    print(client.session.get(f"{client.config.base_url}/reports/daily").status_code)
