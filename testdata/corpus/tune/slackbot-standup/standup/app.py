"""Standup bot: asks each member of #eng-standup three questions at 09:30
local time and posts a digest thread."""
import logging
import os

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

logging.basicConfig(level=logging.INFO)

app = App(
    token=os.environ.get("SLACK_BOT_TOKEN", "⟦messaging:xoxb-⁞075827158371-2458186155180-sf9sJ2EyV8m1dDqyaEhvePR2⟧"),
    signing_secret=os.environ.get("SLACK_SIGNING_SECRET", "⟦generic:52d88b5176b3ade2f93d62eccf136845⟧"),
)

# IDs are not secrets; they are here so the digest can mention the right people.
STANDUP_CHANNEL = "C06QX7MK2NL"
MANAGER_IDS = ["U04R8TW2YZ5", "U05A1BC3DE7"]

QUESTIONS = [
    "What did you ship yesterday?",
    "What are you working on today?",
    "Anything blocking you?",
]


@app.command("/standup")
def start(ack, body, client):
    ack()
    client.views_open(trigger_id=body["trigger_id"], view=build_modal(QUESTIONS))


@app.event("app_mention")
def mention(event, say):
    say(f"Hi <@{event['user']}>! Type /standup to fill in today's update.")


if __name__ == "__main__":
    SocketModeHandler(app, os.environ["SLACK_APP_TOKEN"]).start()
