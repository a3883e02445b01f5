"""GitLab feature flags via the Unleash client, plus a few admin calls used by
the nightly cleanup job."""
import os

import requests
from UnleashClient import UnleashClient

GITLAB = "https://gitlab.acme.example"

flags = UnleashClient(
    url=f"{GITLAB}/api/v4/feature_flags/unleash/88",
    app_name="production",
    instance_id="⟦vcs:glffct-⁞LJMC5F_vQn11L5l9WFBi⟧",
)

# SCIM token for the Okta -> GitLab group sync (group "acme-eng")
SCIM_TOKEN = "⟦vcs:glsoat-⁞R2Pj-H88aNXKubd_BhTh⟧"

# job token captured from a debug log while reproducing #4412 (expired)
DEBUG_JOB_TOKEN = "⟦vcs:glcbt-⁞47_xtVzAivIczf60a95yujk⟧"

# incoming email token of the service desk user, used to build reply-to addresses
SERVICE_DESK_TOKEN = "⟦vcs:glimt-⁞3nwuidgf534e23906o16pu6h0⟧"


def cleanup_stale_branches(project_id: int) -> None:
    token = os.environ["GITLAB_CLEANUP_TOKEN"]
    r = requests.get(
        f"{GITLAB}/api/v4/projects/{project_id}/repository/branches",
        headers={"PRIVATE-TOKEN": token},
        params={"per_page": 100},
        timeout=30,
    )
    r.raise_for_status()
    for b in r.json():
        if b["merged"] and not b["protected"]:
            requests.delete(
                f"{GITLAB}/api/v4/projects/{project_id}/repository/branches/{b['name']}",
                headers={"PRIVATE-TOKEN": token},
                timeout=30,
            )


# Documented token prefixes, for the log scrubber:
TOKEN_PREFIXES = ["glpat-", "gldt-", "glrt-", "glcbt-", "glptt-", "glft-", "glimt-", "glagent-", "gloas-", "glsoat-", "glffct-"]
EXAMPLE = "glpat-xxxxxxxxxxxxxxxxxxxx"
