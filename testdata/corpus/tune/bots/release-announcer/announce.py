import json
import subprocess
import urllib.request

WEBHOOK = "⟦messaging:https://discord.com/a⁞pi/webhooks/6927790695566841024/2OXDGkedsqFD8gij2PezYxTHLFYHD-J00HU6_V-BRfJMW0EQGcm5IigzrgQFJpPcAO3_⟧"


def latest_tag() -> str:
    return subprocess.check_output(["git", "describe", "--tags", "--abbrev=0"], text=True).strip()


def main() -> None:
    tag = latest_tag()
    body = json.dumps({"username": "release-bot", "content": f"Storefront {tag} is live :rocket:"}).encode()
    req = urllib.request.Request(WEBHOOK, data=body, headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=10)


if __name__ == "__main__":
    main()
