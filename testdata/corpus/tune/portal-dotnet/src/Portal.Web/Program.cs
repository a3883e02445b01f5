using Azure.Identity;
using Microsoft.Identity.Web;
using Portal.Web.Services;

var builder = WebApplication.CreateBuilder(args);

if (builder.Environment.IsProduction())
{
    var vaultUri = new Uri(Environment.GetEnvironmentVariable("KEYVAULT_URI")
        ?? throw new InvalidOperationException("KEYVAULT_URI is not set"));
    builder.Configuration.AddAzureKeyVault(vaultUri, new DefaultAzureCredential());
}

builder.Services.AddMicrosoftIdentityWebAppAuthentication(builder.Configuration, "AzureAd");
builder.Services.AddRazorPages();
builder.Services.AddSingleton<IEmailService, EmailService>();
builder.Services.AddSingleton<GraphDirectory>();
builder.Services.AddStackExchangeRedisCache(o =>
    o.Configuration = builder.Configuration.GetConnectionString("Redis"));

var app = builder.Build();
app.UseHttpsRedirection();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.MapRazorPages();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.Run();
