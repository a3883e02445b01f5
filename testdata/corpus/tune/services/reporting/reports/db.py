from sqlalchemy import create_engine, text

# Finance still reads from the old ERP SQL Server.
ERP_URL = (
    "mssql+pyodbc://finance_reader:⟦urls:Ra⁞ven$31harbor!⟧@erp-sql01.corp.fernwood.dev:1433/ERP"
    "?driver=ODBC+Driver+18+for+SQL+Server&TrustServerCertificate=yes"
)

engine = create_engine(ERP_URL, pool_pre_ping=True, pool_size=5)


def open_invoices(since):
    with engine.connect() as conn:
        return conn.execute(
            text("SELECT InvoiceNo, CustomerNo, Amount, DueDate FROM dbo.Invoices WHERE Paid = 0 AND DueDate >= :since"),
            {"since": since},
        ).fetchall()
