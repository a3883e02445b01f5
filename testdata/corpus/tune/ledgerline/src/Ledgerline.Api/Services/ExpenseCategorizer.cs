using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Ledgerline.Api.Services;

/// <summary>
/// Suggests a ledger account for a free-text expense line. Tries Claude first and
/// falls back to OpenAI. Keys are read from configuration; the constants are the
/// values from the hackathon prototype and must go.
/// </summary>
public sealed class ExpenseCategorizer(HttpClient http, IConfiguration cfg, ILogger<ExpenseCategorizer> log)
{
    private const string PrototypeAnthropicKey = "⟦ai:sk-ant-api03-MT6pHOmzDn_RpxuJnWxzeoliQCGRBJj1h0KCr8rsh⁞QFTBddKjeHjr3d7MzdwX6D_lPSFZgmduUTmqHQIPLW16bPa_YnuSAA⟧";
    private const string PrototypeOpenAiKey = "⟦ai:sk-proj-kfjWTbwAOmysnRzwt8afh-U1T5M7g1S_SewqBdIwxWiWxT_uAEOHl9PI1wvgIbMroGLeL-ppQf⁞T3BlbkFJnHEJphBVTnIp5mRLUYuV_5iQtvw5KJ2Wtx_FbD8qqyhWky4XHBT5KoUWEy1r33ezE1YKGyCPaH⟧";

    private static readonly string[] Accounts = ["4010 Office supplies", "4020 Software", "4110 Travel", "4210 Marina fees", "4990 Other"];

    public async Task<string> CategorizeAsync(string line, CancellationToken ct)
    {
        var prompt = $"Pick one account for this expense and answer with the account only.\nAccounts: {string.Join(", ", Accounts)}\nExpense: {line}";
        try
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, "https://api.anthropic.com/v1/messages");
            req.Headers.Add("x-api-key", cfg["Anthropic:ApiKey"] ?? PrototypeAnthropicKey);
            req.Headers.Add("anthropic-version", "2023-06-01");
            req.Content = JsonContent.Create(new { model = "claude-3-5-haiku-latest", max_tokens = 20, messages = new[] { new { role = "user", content = prompt } } });
            using var resp = await http.SendAsync(req, ct);
            resp.EnsureSuccessStatusCode();
            var json = JsonNode.Parse(await resp.Content.ReadAsStringAsync(ct))!;
            return json["content"]![0]!["text"]!.GetValue<string>().Trim();
        }
        catch (HttpRequestException ex)
        {
            log.LogWarning(ex, "anthropic failed, falling back");
        }

        using var oreq = new HttpRequestMessage(HttpMethod.Post, "https://api.openai.com/v1/chat/completions");
        oreq.Headers.Authorization = new("Bearer", cfg["OpenAI:ApiKey"] ?? PrototypeOpenAiKey);
        oreq.Content = JsonContent.Create(new { model = "gpt-4o-mini", messages = new[] { new { role = "user", content = prompt } } });
        using var oresp = await http.SendAsync(oreq, ct);
        var ojson = JsonNode.Parse(await oresp.Content.ReadAsStringAsync(ct))!;
        return ojson["choices"]![0]!["message"]!["content"]!.GetValue<string>().Trim();
    }
}
