"""Socket-mode Slack app that collects async standups."""
import os
import re

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

app = App(token=os.environ.get("SLACK_BOT_TOKEN", "⟦messaging:xoxb-72⁞0032221255-2911491018865-mEVZJQ0el00STZQQrnpnec1V⟧"))

# user token of the workspace admin, needed to read user presence
ADMIN_TOKEN = "⟦messaging:xoxp-81282⁞2802190-910580755294-8850772748493-92e8c060bbdb60058b63803b85463910⟧"


@app.command("/standup")
def standup(ack, body, client):
    ack()
    client.views_open(trigger_id=body["trigger_id"], view=STANDUP_MODAL)


@app.message(re.compile(r"^skip standup$", re.I))
def skip(message, say):
    say(f"ok <@{message['user']}>, skipping you today")


STANDUP_MODAL = {
    "type": "modal",
    "callback_id": "standup",
    "title": {"type": "plain_text", "text": "Standup"},
    "submit": {"type": "plain_text", "text": "Post"},
    "blocks": [
        {"type": "input", "block_id": "y", "label": {"type": "plain_text", "text": "Yesterday"}, "element": {"type": "plain_text_input", "action_id": "v", "multiline": True}},
        {"type": "input", "block_id": "t", "label": {"type": "plain_text", "text": "Today"}, "element": {"type": "plain_text_input", "action_id": "v", "multiline": True}},
    ],
}

if __name__ == "__main__":
    SocketModeHandler(app, "⟦messaging:xapp-1-AM⁞YUOJ0COC1-8090005214029-6557c05113a2343dcc31be8b98958a2870ba73a4e2d2b3dfd61966b28625c003⟧").start()
