using Azure.Identity;
using Microsoft.Identity.Web;

var builder = WebApplication.CreateBuilder(args);

if (builder.Environment.IsProduction())
{
    builder.Configuration.AddAzureKeyVault(new Uri(builder.Configuration["KeyVault:Uri"]!), new DefaultAzureCredential());
}

builder.Services.AddMicrosoftIdentityWebApiAuthentication(builder.Configuration, "AzureAd");
builder.Services.AddDbContext<BillingDb>(o => o.UseSqlServer(builder.Configuration.GetConnectionString("BillingDb")));

var stripeKey = builder.Configuration["Stripe:SecretKey"];
var signingKey = Environment.GetEnvironmentVariable("BILLING_SIGNING_KEY");
var sbConn = builder.Configuration.GetConnectionString("ServiceBus");

builder.Services.AddSingleton(new StripeClient(stripeKey));
builder.Services.AddSingleton(new InvoiceSigner(signingKey ?? throw new InvalidOperationException("BILLING_SIGNING_KEY missing")));

var app = builder.Build();
app.MapControllers();
app.Run();
