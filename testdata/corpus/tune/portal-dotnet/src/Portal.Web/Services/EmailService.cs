using SendGrid;
using SendGrid.Helpers.Mail;

namespace Portal.Web.Services;

public interface IEmailService
{
    Task SendAsync(string to, string subject, string html, CancellationToken ct = default);
}

public sealed class EmailService : IEmailService
{
    // Restricted key (Mail Send only). Rotated 2024-02; the old one was revoked.
    private const string ApiKey = "⟦messaging:SG.mj16⁞CSXXVnz8c2dUPpHN7-.m5mJRZ5pu7xnhbSanthQSL5YNq1FoiTnihoxK7Cg855⟧";

    private readonly SendGridClient _client = new(ApiKey);
    private readonly ILogger<EmailService> _log;

    public EmailService(ILogger<EmailService> log) => _log = log;

    public async Task SendAsync(string to, string subject, string html, CancellationToken ct = default)
    {
        var msg = MailHelper.CreateSingleEmail(
            new EmailAddress("portal@fernwood.dev", "Fernwood Portal"),
            new EmailAddress(to), subject, plainTextContent: null, htmlContent: html);
        var res = await _client.SendEmailAsync(msg, ct);
        if (!res.IsSuccessStatusCode)
            _log.LogWarning("SendGrid returned {Status} for {To}", res.StatusCode, to);
    }
}
