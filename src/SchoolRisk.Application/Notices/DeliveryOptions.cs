using MailKit.Security;

namespace SchoolRisk.Application.Notices;

/// <summary>
/// How notices are delivered: configuration section <c>Notifications</c> (<c>Notifications__SmtpHost</c> as an
/// environment variable). In Azure, point it at the committee's mail relay and keep the password in Key Vault
/// (an app setting reference), never in the repository.
/// </summary>
public sealed class DeliveryOptions
{
    /// <summary>The mail relay's host name (as its certificate names it when TLS is used). Default <c>127.0.0.1</c> (MailDev locally).</summary>
    public string SmtpHost { get; set; } = "127.0.0.1";

    /// <summary>The relay's port. Default 1025 (MailDev); usually 587 with <c>StartTls</c>, 465 with <c>SslOnConnect</c>.</summary>
    public int SmtpPort { get; set; } = 1025;

    /// <summary><c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c> or <c>Auto</c> (MailKit's <see cref="SecureSocketOptions"/>).</summary>
    public SecureSocketOptions SmtpSecurity { get; set; } = SecureSocketOptions.None;

    /// <summary>The relay's user; <c>null</c> or empty: letters are sent without signing in.</summary>
    public string? SmtpUser { get; set; }

    /// <summary>The relay user's password: a Key Vault reference in Azure, never in the repository.</summary>
    public string? SmtpPassword { get; set; }

    /// <summary>The sender of every letter.</summary>
    public string From { get; set; } = "Комитет образования — мониторинг <monitoring@schoolrisk.local>";

    /// <summary>Attempts of one delivery within an invocation before the message is left to the queue's retries.</summary>
    public int Attempts { get; set; } = 3;

    /// <summary>The first wait between attempts; it doubles each time.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a digest request waits for later uploads before the committee's digest is built.</summary>
    public TimeSpan DigestDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one SMTP conversation or webhook call may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the read-only links in a letter (the error report, the analytical note) work, from the moment the letter
    /// is sent: more than zero and at most 7 days, the longest a user delegation SAS lives. Default 7 days.
    /// </summary>
    public TimeSpan ReportLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The risk-map page that letters link (<c>https://{host}/api/site/</c>); <c>null</c>: letters name the page without a
    /// link. The function app fills it from <c>WEBSITE_HOSTNAME</c>, which Azure sets, when it is not configured.
    /// </summary>
    public Uri? SiteUrl { get; set; }
}
