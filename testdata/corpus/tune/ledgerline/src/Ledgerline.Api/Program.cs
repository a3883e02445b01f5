using Ledgerline.Api;
using Ledgerline.Payments.PayPal;
using Microsoft.AspNetCore.Authentication.JwtBearer;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddHttpClient("paypal");
builder.Services.AddSingleton<PayPalClientFactory>();
builder.Services.AddStackExchangeRedisCache(o => o.Configuration = builder.Configuration.GetConnectionString("Cache"));

builder.Services
    .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(o =>
    {
        o.Authority = builder.Configuration["Jwt:Issuer"];
        o.Audience = builder.Configuration["Jwt:Audience"];
        // signing keys come from the issuer's JWKS; nothing secret lives here
    });

var stripeKey = Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY")
    ?? builder.Configuration["Stripe:SecretKey"];
Stripe.StripeConfiguration.ApiKey = stripeKey;

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapControllers();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.Run();
