"""Forward Alertmanager webhooks to the on-call Telegram group."""
import os

from flask import Flask, request
import requests

app = Flask(__name__)

BOT_TOKEN = os.environ.get("TELEGRAM_BOT_TOKEN", "⟦messaging:7616920576:AAv6b⁞h3LeV7vQAuG5a-1VLnNyA9TkDDgucx⟧")
CHAT_ID = os.environ.get("TELEGRAM_CHAT_ID", "-1008527230851")


@app.post("/alert")
def alert():
    payload = request.get_json(force=True)
    for a in payload.get("alerts", []):
        text = f"[{a['status'].upper()}] {a['labels'].get('alertname')}: {a['annotations'].get('summary', '')}"
        requests.post(
            f"https://api.telegram.org/bot{BOT_TOKEN}/sendMessage",
            json={"chat_id": CHAT_ID, "text": text},
            timeout=10,
        )
    return "", 204
