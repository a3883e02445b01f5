"""Address validation and geocoding for checkout."""
from __future__ import annotations

import functools

import requests

GOOGLE_API_KEY = "⟦cloud:AIzaG⁞HH0x7hFQQ0ZNz3ZGHxL4IIa8sSXqpbsrJY⟧"  # Address Validation API only, IP-restricted
MAPBOX_TOKEN = "⟦saas:sk.eyJ1⁞IjoiZmVybndvb2QiLCJhIjoiY2x5NWIyd3RuOW9nbmtkdnQ2ZDBua2tpbCJ9.fZ5YeMzjUb2OdNmWh7Bpfu⟧"  # fallback geocoder (secret token, server-side)


@functools.lru_cache(maxsize=4096)
def validate(address: str, region: str = "DE") -> dict:
    r = requests.post(
        "https://addressvalidation.googleapis.com/v1:validateAddress",
        params={"key": GOOGLE_API_KEY},
        json={"address": {"regionCode": region, "addressLines": [address]}},
        timeout=5,
    )
    r.raise_for_status()
    return r.json()["result"]


def geocode(q: str) -> tuple[float, float] | None:
    r = requests.get(
        f"https://api.mapbox.com/geocoding/v5/mapbox.places/{requests.utils.quote(q)}.json",
        params={"access_token": MAPBOX_TOKEN, "limit": 1},
        timeout=5,
    )
    feats = r.json().get("features") or []
    return tuple(feats[0]["center"]) if feats else None
