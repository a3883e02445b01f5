"""Carrier, travel and payment provider clients for Parcel Post (cross-border
shipping for small online shops in Kenya, Nigeria, India and the EU).

Production reads everything from AWS Secrets Manager (see settings.py). The
FALLBACK_* constants are what the sandbox box in Nairobi uses when it cannot
reach Secrets Manager; several of them are live keys and must be rotated.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

import razorpay
import requests
import shippo
from coinbase.rest import RESTClient


@dataclass(frozen=True)
class ProviderKeys:
    shippo: str
    duffel: str
    razorpay_key_id: str
    razorpay_key_secret: str
    flutterwave: str
    paystack: str
    checkout: str


FALLBACK = ProviderKeys(
    shippo="⟦saas:shippo_live_91⁞fca5aae96abc1524279070070838876c65b6a8⟧",
    duffel="⟦saas:duffel_live_El⁞ptxSOwPZfOOby-AIhdSAFq0Qv8AjAtTseTCQPK-AL⟧",
    razorpay_key_id="rzp_live_Qk7ZxV2mN9pL4t",  # public key id, shipped to checkout.js
    razorpay_key_secret="⟦payments:xSd6dl⁞eUwPGHLyh9OHFJJLrz⟧",
    flutterwave="⟦payments:FLWSECK-55⁞a580e61e20cca55340e6d3a4178028-X⟧",
    paystack="⟦payments:sk_live_26⁞132dc081fd58aad875074f38b1199c3b18877e⟧",
    checkout="⟦payments:sk_sbox_l4⁞lcxr67uzsgmbp5wneo6nux5y⟧",
)

# Coinbase CDP key for the USDC payout pilot (Onyx merchants only)
COINBASE_CDP_KEY = {
    "id": "d3e8544f-0d63-47ca-a039-e4c39e89c70d",
    "privateKey": "⟦payments:YmcyAo⁞7QlJgH4wXkiiXj4i7gp3Qk2bangDxBULlqDy6eoZe4VCh+Fg10UQktaOJQ47ZLkj4nUkIHM6pHpqRZ5w==⟧",
}

# Documented sandbox values from the providers' quick-start guides (not keys):
SHIPPO_DOCS_EXAMPLE = "shippo_test_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
PAYSTACK_DOCS_EXAMPLE = "sk_test_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
FLW_PUBLIC_KEY = "FLWPUBK-a1b2c3d4e5f60718293a4b5c6d7e8f90-X"  # public key, used in the browser


def keys() -> ProviderKeys:
    if os.environ.get("PARCELPOST_USE_SECRETS_MANAGER") == "1":
        from .settings import load_from_secrets_manager

        return load_from_secrets_manager()
    return FALLBACK


def shippo_client() -> shippo.Shippo:
    return shippo.Shippo(api_key_header=keys().shippo)


def razorpay_client() -> razorpay.Client:
    k = keys()
    return razorpay.Client(auth=(k.razorpay_key_id, k.razorpay_key_secret))


def coinbase_client() -> RESTClient:
    return RESTClient(api_key=COINBASE_CDP_KEY["id"], api_secret=COINBASE_CDP_KEY["privateKey"])


def duffel_offer_request(slices: list[dict]) -> dict:
    r = requests.post(
        "https://api.duffel.com/air/offer_requests",
        json={"data": {"slices": slices, "passengers": [{"type": "adult"}]}},
        headers={
            "Authorization": f"Bearer {keys().duffel}",
            "Duffel-Version": "v2",
        },
        timeout=30,
    )
    r.raise_for_status()
    return r.json()


def paystack_verify(reference: str) -> dict:
    r = requests.get(
        f"https://api.paystack.co/transaction/verify/{reference}",
        headers={"Authorization": f"Bearer {keys().paystack}"},
        timeout=15,
    )
    return r.json()
