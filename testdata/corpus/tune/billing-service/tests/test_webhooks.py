import json
import time

import pytest
import stripe

from billing.payments import stripe_gateway

WEBHOOK_SECRET = "whsec_test_secret"


@pytest.fixture(autouse=True)
def _env(monkeypatch):
    monkeypatch.setenv("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET)
    monkeypatch.setenv("STRIPE_SECRET_KEY", "sk_test_xxxxxxxxxxxxxxxxxxxxxxxx")


def _sign(payload: str, secret: str = WEBHOOK_SECRET) -> str:
    ts = int(time.time())
    sig = stripe.WebhookSignature._compute_signature(f"{ts}.{payload}", secret)
    return f"t={ts},v1={sig}"


def test_valid_signature_is_accepted():
    payload = json.dumps({"id": "evt_Jj8AWMQTaJVocS787Gh0ov2y", "type": "invoice.paid"})
    event = stripe_gateway.verify_webhook(payload.encode(), _sign(payload))
    assert event["type"] == "invoice.paid"


def test_bad_signature_is_rejected():
    payload = json.dumps({"id": "evt_1", "type": "invoice.paid"})
    with pytest.raises(stripe.error.SignatureVerificationError):
        stripe_gateway.verify_webhook(payload.encode(), _sign(payload, secret="wrong-secret"))


def test_login_fixture(client, django_user_model):
    django_user_model.objects.create_user(username="alice", password="password")
    assert client.login(username="alice", password="password")
