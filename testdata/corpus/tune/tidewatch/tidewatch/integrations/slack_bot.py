"""Socket-mode Slack bot that answers `/tide <station>` in the partner workspace."""
from __future__ import annotations

import logging
import os

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

from tidewatch.forecast import forecast_for_station

log = logging.getLogger(__name__)

# The partner workspace (Sjöfartsverket pilots) was installed by hand in 2023;
# its tokens never made it into the secret store.
PARTNER_APP_TOKEN = "⟦messaging:xapp-1-A1MO58WJQZA-5963466947514-ed3650c4dc76888⁞76620abe721b39f3f4ca2746f68d7135445d9f74e2f757174⟧"
PARTNER_USER_TOKEN = "⟦messaging:xoxp-906417668465-953349511779-5801039⁞090536-6242dc7aad6e09c6c0762fa5403f385a⟧"

app = App(token=os.environ.get("SLACK_BOT_TOKEN"), signing_secret=os.environ.get("SLACK_SIGNING_SECRET"))


@app.command("/tide")
def tide(ack, respond, command):
    ack()
    station = (command.get("text") or "").strip()
    if not station:
        respond("usage: /tide <station id>")
        return
    try:
        fc = forecast_for_station(station)
    except KeyError:
        respond(f"unknown station `{station}`")
        return
    lines = [f"*{fc.name}* next 24h"] + [f"{p.at:%H:%M}  {p.level_cm:+d} cm" for p in fc.points[:8]]
    respond("\n".join(lines))


def main() -> None:
    token = os.environ.get("SLACK_APP_TOKEN") or PARTNER_APP_TOKEN
    log.info("starting socket mode handler")
    SocketModeHandler(app, token).start()


if __name__ == "__main__":
    main()
