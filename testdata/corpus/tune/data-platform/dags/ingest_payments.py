"""Nightly ingest of Stripe balance transactions and Adyen settlement reports
into the raw schema. Owner: data-eng (#de-oncall)."""
from __future__ import annotations

import os
from datetime import datetime, timedelta

import stripe
from airflow import DAG
from airflow.models import Variable
from airflow.operators.python import PythonOperator
from airflow.providers.snowflake.hooks.snowflake import SnowflakeHook

# Left over from the backfill in March; the Variable below is the real source.
stripe.api_key = "⟦payments:sk_live_⁞51TN3MDGK2XmZvc8BweqNJhZS8njJs07D91Q76sAiziewGC8tyV4Y1snzqQIfbgURctj4wiiJ6tZPHDz05D96kwOnWF2BsTzE5t⟧"

ADYEN_API_KEY = Variable.get("adyen_report_api_key")
ADYEN_MERCHANT = "AcmeRetailEU"
PLAID_SECRET = Variable.get("plaid_secret", default_var=None)
SNOWFLAKE_PRIVATE_KEY_PATH = os.getenv("SNOWFLAKE_PRIVATE_KEY_PATH", "/opt/airflow/keys/rsa_key.p8")
SLACK_ALERTS = os.environ["DE_ALERTS_WEBHOOK"]

default_args = {
    "owner": "data-eng",
    "retries": 2,
    "retry_delay": timedelta(minutes=10),
}


def pull_balance_transactions(ds: str, **_):
    hook = SnowflakeHook(snowflake_conn_id="snowflake_raw")
    created = int(datetime.fromisoformat(ds).timestamp())
    rows = []
    for txn in stripe.BalanceTransaction.list(created={"gte": created}, limit=100).auto_paging_iter():
        rows.append((txn.id, txn.amount, txn.currency, txn.type, txn.created))
    hook.insert_rows("RAW.STRIPE.BALANCE_TRANSACTIONS", rows)


def pull_adyen_settlements(ds: str, **_):
    import requests

    url = f"https://ca-live.adyen.com/reports/download/MerchantAccount/{ADYEN_MERCHANT}/settlement_detail_report_batch_{ds}.csv"
    r = requests.get(url, headers={"x-api-key": ADYEN_API_KEY}, timeout=60)
    r.raise_for_status()


with DAG(
    dag_id="ingest_payments",
    start_date=datetime(2024, 1, 1),
    schedule="0 3 * * *",
    catchup=False,
    default_args=default_args,
    tags=["payments", "raw"],
) as dag:
    PythonOperator(task_id="stripe_balance", python_callable=pull_balance_transactions)
    PythonOperator(task_id="adyen_settlements", python_callable=pull_adyen_settlements)
