using Azure.Identity;
using Microsoft.Graph;

namespace Portal.Web.Services;

/// <summary>
/// Looks up staff in Entra ID for the "who is my account manager" widget.
/// App registration: portal-directory-reader (User.Read.All, application).
/// </summary>
public sealed class GraphDirectory
{
    private const string TenantId = "077af279-7af8-418e-8f5b-48f87132836e";
    private const string ClientId = "76274593-4482-427c-bfed-c0dcb2294ef1";
    private const string ClientSecret = "⟦cloud:fYF8Q⁞~v4hKnjd~gwwRAgfKsX_yq_hgwjcLkZX-1n⟧";

    private readonly GraphServiceClient _graph;

    public GraphDirectory()
    {
        var credential = new ClientSecretCredential(TenantId, ClientId, ClientSecret);
        _graph = new GraphServiceClient(credential, new[] { "https://graph.microsoft.com/.default" });
    }

    public async Task<string?> ManagerEmailAsync(string userPrincipalName)
    {
        var manager = await _graph.Users[userPrincipalName].Manager.GetAsync();
        return (manager as Microsoft.Graph.Models.User)?.Mail;
    }
}
