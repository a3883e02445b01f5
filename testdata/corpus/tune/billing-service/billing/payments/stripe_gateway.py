import logging
import os
from decimal import Decimal

import stripe

log = logging.getLogger(__name__)

stripe.api_key = os.environ.get("STRIPE_SECRET_KEY")
stripe.api_version = "2023-10-16"

# The publishable key is safe to ship to browsers; it is rendered into the
# checkout template.
PUBLISHABLE_KEY = "pk_live_YCVdf4eMDFaCbnTAt37coPxyspfY0WkOox6GPUol2zhWNp01zDHCnrRVIMmJZaHAt1uJSMf71s6NTurZHcLqnABAIa7kaUM33IT"

DEFAULT_PRICE = "price_fWFeRB7QvpG4FcDtNFgz7Gfk"
TAX_RATE_EU = "txr_3sNyPj4L6w50lbbb5cU7y9Bz"


class PaymentError(Exception):
    pass


def charge_invoice(invoice, customer_id: str, idempotency_key: str):
    """Create and confirm a PaymentIntent for an invoice."""
    amount = int((invoice.total * Decimal(100)).quantize(Decimal(1)))
    try:
        intent = stripe.PaymentIntent.create(
            amount=amount,
            currency=invoice.currency.lower(),
            customer=customer_id,
            off_session=True,
            confirm=True,
            metadata={"invoice_id": str(invoice.pk)},
            idempotency_key=idempotency_key,
        )
    except stripe.error.CardError as exc:
        log.warning("card declined for %s: %s", invoice.pk, exc.user_message)
        raise PaymentError(exc.user_message) from exc
    return intent


def verify_webhook(payload: bytes, sig_header: str):
    secret = os.environ["STRIPE_WEBHOOK_SECRET"]
    return stripe.Webhook.construct_event(payload, sig_header, secret)
