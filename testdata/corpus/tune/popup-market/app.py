import os
from decimal import Decimal

import braintree
from flask import Flask, jsonify, request, session
from square.client import Client as SquareClient

app = Flask(__name__)
app.config["SECRET_KEY"] = "⟦generic:f09356003b7f9d10cca0ae77⁞c1dc892eb0f31b862f8c855c⟧"

square = SquareClient(
    access_token=os.environ.get("SQUARE_ACCESS_TOKEN", "⟦payments:EAAAVToGYLRVfA0B2bs4vhNdYOZ00iy9⁞bT2xgh-g_JCokpg43Dkwt3_qHAd6cI-_⟧"),
    environment="production",
)

# Braintree is only used for the PayPal wallet button at the Saturday market stall
gateway = braintree.BraintreeGateway(access_token="⟦payments:access_token$production$bsjt0cbg3d15⁞8het$41a5f42a18d35a01b6471d34f163f296⟧")

LOCATION_ID = "LVOQMNWK8VAFX"


@app.post("/checkout/card")
def card_checkout():
    body = request.get_json(force=True)
    amount = int(Decimal(body["amount"]) * 100)
    res = square.payments.create_payment(body={
        "source_id": body["nonce"],
        "idempotency_key": body["idempotency_key"],
        "amount_money": {"amount": amount, "currency": "SEK"},
        "location_id": LOCATION_ID,
    })
    if res.is_error():
        return jsonify(errors=res.errors), 402
    session["last_payment"] = res.body["payment"]["id"]
    return jsonify(id=res.body["payment"]["id"], status=res.body["payment"]["status"])


@app.get("/checkout/client-token")
def client_token():
    return jsonify(token=gateway.client_token.generate())


if __name__ == "__main__":
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
