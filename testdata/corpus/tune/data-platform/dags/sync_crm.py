"""Sync HubSpot deals and Zendesk tickets to the warehouse."""
from datetime import datetime

from airflow.decorators import dag, task
from airflow.hooks.base import BaseHook

HUBSPOT_TOKEN = "⟦saas:pat-na1-⁞253ba426-65bb-4ee4-9fd4-9fa847688dca⟧"  # private app "warehouse-sync", scopes: crm.objects.deals.read

AIRTABLE_TOKEN = "⟦saas:pat⁞7dE0XtRXgrPJvE.3913d1470513166f56e002a2467b87354355eb89685ce1070226e21b05cbf577⟧"  # base "Partner pipeline"
LINEAR_OAUTH_TOKEN = "⟦saas:lin_oauth_⁞c02ad3deee740a737afb99996ea481d7d93fbfe5d897d32cf07f3fc3492f4774⟧"
ZENDESK_SUBDOMAIN = "acmehelp"
ZENDESK_EMAIL = "data-bot@acme.example"


@dag(schedule="@hourly", start_date=datetime(2024, 2, 1), catchup=False, tags=["crm"])
def sync_crm():
    @task
    def deals():
        import hubspot

        client = hubspot.Client.create(access_token=HUBSPOT_TOKEN)
        return [d.to_dict() for d in client.crm.deals.get_all()]

    @task
    def tickets():
        import requests

        conn = BaseHook.get_connection("zendesk_api")
        auth = (f"{ZENDESK_EMAIL}/token", conn.password)
        r = requests.get(f"https://{ZENDESK_SUBDOMAIN}.zendesk.com/api/v2/incremental/tickets.json", auth=auth)
        return r.json()["tickets"]

    deals()
    tickets()


sync_crm()
