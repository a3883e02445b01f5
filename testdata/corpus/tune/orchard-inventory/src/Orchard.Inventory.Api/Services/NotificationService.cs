using System.Net.Http.Json;
using MessageBird;
using Vonage;
using Vonage.Request;

namespace Orchard.Inventory.Api.Services;

/// <summary>
/// Low-stock and cold-store temperature alerts. Channels: Power Automate flow
/// (posts to the Warehouse Teams channel), SMS via Vonage, WhatsApp via MessageBird.
/// </summary>
public sealed class NotificationService
{
    // The flow URL embeds its own signature; treat it like a password.
    private const string WarehouseFlowUrl =
        "⟦messaging:https://prod-27.we⁞steurope.logic.azure.com:443/workflows/7a1acf676611d55fbd01756886504af6/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=6O_y2xW2DASaXiiskZrYRSu6i9e00D_VaW2RQa-l6m2⟧";

    private const string VonageApiKey = "a81c3f5e";
    private const string VonageApiSecret = "⟦messaging:htasOb⁞1WHa3LBN1S⟧";

    private static readonly string MessageBirdKey =
        Environment.GetEnvironmentVariable("MESSAGEBIRD_ACCESS_KEY") ?? "⟦messaging:s54gcV⁞Li015bRToA52AigCAwd⟧";

    private readonly HttpClient _http;
    private readonly ILogger<NotificationService> _log;

    public NotificationService(HttpClient http, ILogger<NotificationService> log)
    {
        _http = http;
        _log = log;
    }

    public async Task LowStockAsync(string sku, int onHand, CancellationToken ct)
    {
        var card = new { type = "message", text = $"Low stock: {sku} ({onHand} left)" };
        var res = await _http.PostAsJsonAsync(WarehouseFlowUrl, card, ct);
        _log.LogInformation("flow responded {Status} request-id {RequestId}", res.StatusCode,
            "de163e07-86f6-34e6-fb12-c1a990cdc5bf");
    }

    public void ColdStoreSms(string to, double celsius)
    {
        var credentials = Credentials.FromApiKeyAndSecret(VonageApiKey, VonageApiSecret);
        var client = new VonageClient(credentials);
        client.SmsClient.SendAnSms(new Vonage.Messaging.SendSmsRequest
        {
            To = to,
            From = "OrchardWH",
            Text = $"Cold store at {celsius:F1}°C",
        });
    }

    public void WhatsApp(string to, string body)
    {
        var client = Client.CreateDefault(MessageBirdKey);
        client.SendMessage("4f1e2d3c-b5a6-4978-8a9b-0c1d2e3f4a5b", body, new[] { long.Parse(to) });
    }

    // Placeholder used by the integration tests (never sent anywhere).
    internal const string TestFlowUrl = "https://prod-00.westeurope.logic.azure.com/workflows/<workflow-id>/triggers/manual/paths/invoke?sig=<signature>";
}
