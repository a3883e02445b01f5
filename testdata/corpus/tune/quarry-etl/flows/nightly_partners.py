"""Nightly partner sync for Quarry (aggregates crushed-stone orders from
partner ERPs into Snowflake). Deployed to Prefect Cloud; runs on the
`quarry-ecs` work pool.
"""
import os

import httpx
from prefect import flow, task
from prefect.blocks.system import Secret
from sqlalchemy import create_engine

# Prefect Cloud key for the ECS worker (a service account would be better).
PREFECT_API_KEY = "⟦saas:pnu_a8⁞x9GN3eXiag0ybNemWzzPkEeD7xoGAScmtF⟧"
PREFECT_API_URL = "https://api.prefect.cloud/api/accounts/4503f96c-5e77-4e3d-a35f-9fd9bc0adac4/workspaces/0601d0f4-9afd-4126-b474-5efd02229e16"

SNOWFLAKE_URL = "snowflake://QUARRY_LOADER:⟦urls:fSQJVY⁞AKwwKY5oHhT⟧@qz48211.eu-central-1/QUARRY/RAW?warehouse=LOADING&role=LOADER"
PARTNER_PG = "postgresql+psycopg://quarry_ro:⟦urls:lWytu53bk0SM_qd⁞uWmDU⟧@erp.bergstein-kies.example:5432/erp"
PARTNER_MSSQL = "mssql+pyodbc://quarry:⟦urls:-HDN_.vj⁞Q~kL5A8WfOO⟧@erp2.hartmann-stone.example:1433/ERP?driver=ODBC+Driver+18+for+SQL+Server"
# PlanetScale branch of the partner portal (MySQL protocol)
PORTAL_DB = "mysql://q7x2k9m4w1e8:⟦saas:pscale_pw_uU⁞qd8XmTVgQ7bQrq-Kl4MrvHtNyauh6MWZ5z9r-nZlx⟧@aws.connect.psdb.cloud/partner-portal?ssl={\"rejectUnauthorized\":true}"
PLANETSCALE_SERVICE_TOKEN = "⟦saas:pscale_tkn_hL⁞su38X1P6ZkO9AXMgh5m5oMLx_oRjZ4qBYr4XVaI90⟧"

ADOBE_CLIENT_ID = "9f1e2d3c4b5a69788796a5b4c3d2e1f0"
ADOBE_CLIENT_SECRET = "⟦saas:p8e-pBNx7KvPVnz-XV⁞Szm0W8qnXTkkPg16gT⟧"  # PDF Services API, for the delivery notes

FRAMEIO_TOKEN = "⟦saas:fio-u-87⁞MmDLExLo6ozS2YREOptAIB6NznQFA-g2DzH0m7kqslektP3bUi0wDOqYY1JyDy⟧"  # marketing asks for quarry drone footage reviews

WEBHOOK_SECRET = Secret.load("partner-webhook-secret")  # block reference, no literal


# Hartmann still exports orders as CSV behind a query-string login.
HARTMANN_EXPORT = "https://legacy-erp.hartmann-stone.example/export.php?user=quarry&password=⟦urls:NvVDMd⁞udy85UrOTI⟧&format=csv"


@task
def fetch_edi_files() -> list[str]:
    import ftplib

    ftp = ftplib.FTP_TLS("edi.bergstein-kies.example")
    ftp.login("quarry_edi", "⟦generic:sURXGS⁞e=r8dWWmL⟧")
    ftp.prot_p()
    return ftp.nlst("outbound")


@task(retries=3, retry_delay_seconds=60)
def pull_orders(dsn: str) -> list[dict]:
    engine = create_engine(dsn)
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("select * from orders where updated_at > now() - interval '1 day'")
        return [dict(r._mapping) for r in rows]


@task
def load(rows: list[dict]) -> int:
    engine = create_engine(SNOWFLAKE_URL)
    with engine.begin() as conn:
        conn.exec_driver_sql("create temporary table if not exists partner_orders_stage like raw.partner_orders")
    return len(rows)


@flow(name="nightly-partners")
def nightly() -> None:
    total = 0
    for dsn in (PARTNER_PG, PARTNER_MSSQL):
        total += load(pull_orders(dsn))
    httpx.post(
        "https://hooks.slack.com/triggers/T00000000/0000000000000/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        json={"rows": total},
    )


if __name__ == "__main__":
    os.environ.setdefault("PREFECT_API_KEY", PREFECT_API_KEY)
    nightly()
