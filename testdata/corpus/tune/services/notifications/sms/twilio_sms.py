"""SMS delivery via Twilio (order shipped / delivery window)."""
from twilio.rest import Client

ACCOUNT_SID = "AC8a648c5dd735d1eb68f6ab08c1dedfad"
# API key (not the account auth token) created for notifications-svc
API_KEY_SID = "⟦messaging:SKe7⁞4d43e441f0fde720532d971ca5c2ff⟧"
API_KEY_SECRET = "⟦messaging:zb92⁞cvoGUfi91WvXwdDOdDkSgpYiMU2i⟧"
MESSAGING_SERVICE = "MG16f993da6938fb826b900453b82e6a5c"

_client = Client(API_KEY_SID, API_KEY_SECRET, ACCOUNT_SID)


def send(to: str, body: str) -> str:
    msg = _client.messages.create(to=to, messaging_service_sid=MESSAGING_SERVICE, body=body[:320])
    return msg.sid
