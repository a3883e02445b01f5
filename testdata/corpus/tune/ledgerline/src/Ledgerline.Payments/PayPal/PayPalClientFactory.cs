using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Ledgerline.Payments.PayPal;

public sealed class PayPalClientFactory
{
    private const string LiveBase = "https://api-m.paypal.com";
    private const string SandboxBase = "https://api-m.sandbox.paypal.com";

    // Live REST app "Ledgerline Invoicing" (owner: finance-eng)
    private const string ClientId = "A1ufOTuwooVI2xG3i2iQCKswHawi5-6K-WRV6NC_pTrzvPxnXaUBhueNv-aekbirLR7IXvFxgqNMkb-N";
    private const string ClientSecret = "⟦payments:El9T8hdcwcrGtGPbSpyukrwHo3S0_zQN_5u931b5⁞RLVbzT7olbF54oIVrGeQY1NbpZCyakF9x2pRdOd9⟧";

    private readonly IHttpClientFactory _http;
    private readonly bool _sandbox;

    public PayPalClientFactory(IHttpClientFactory http, IConfiguration cfg)
    {
        _http = http;
        _sandbox = cfg.GetValue("PayPal:Sandbox", true);
    }

    public async Task<string> GetAccessTokenAsync(CancellationToken ct = default)
    {
        var client = _http.CreateClient("paypal");
        var basic = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{ClientId}:{ClientSecret}"));
        using var req = new HttpRequestMessage(HttpMethod.Post, $"{(_sandbox ? SandboxBase : LiveBase)}/v1/oauth2/token");
        req.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        req.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" });
        using var resp = await client.SendAsync(req, ct);
        resp.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await resp.Content.ReadAsStringAsync(ct));
        return doc.RootElement.GetProperty("access_token").GetString()!;
    }
}
