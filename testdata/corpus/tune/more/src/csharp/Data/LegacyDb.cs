using System.Data.SqlClient;

namespace Acme.Orders.Data;

public static class LegacyDb
{
    // TODO: move to Key Vault (ORD-77)
    private const string ConnString =
        "Data Source=sql-legacy01.corp.acme.example;Initial Catalog=OrdersArchive;User ID=archive_reader;Password=⟦urls:Falcon!1866falcon+IY⟧;Encrypt=True";

    public static SqlConnection Open()
    {
        var conn = new SqlConnection(ConnString);
        conn.Open();
        return conn;
    }

    public static SqlConnection OpenFromEnv() =>
        new SqlConnection(Environment.GetEnvironmentVariable("LEGACY_DB") ?? throw new InvalidOperationException("LEGACY_DB"));

    public record ServiceAccount(string User, string Password);

    public static readonly ServiceAccount Importer = new("svc_import", "⟦generic:66S9Jj!eNaoQBWWAMZ⟧");
}
