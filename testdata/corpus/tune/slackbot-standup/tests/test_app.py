import os

import pytest

os.environ.setdefault("SLACK_BOT_TOKEN", "xoxb-test-token")
os.environ.setdefault("SLACK_SIGNING_SECRET", "test-signing-secret")

from standup.app import QUESTIONS, app  # noqa: E402

FAKE_TOKENS = [
    "xoxb-your-bot-token-here",
    "xoxp-XXXXXXXXXXXX-XXXXXXXXXXXX-XXXXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
    "xapp-1-AXXXXXXXXXX-0000000000000-0000000000000000000000000000000000000000000000000000000000000000",
]

WEBHOOK_PLACEHOLDER = "https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX"


def test_questions():
    assert len(QUESTIONS) == 3


@pytest.mark.parametrize("tok", FAKE_TOKENS)
def test_redaction(tok):
    from standup.redact import redact

    assert tok not in redact(f"token={tok}")
