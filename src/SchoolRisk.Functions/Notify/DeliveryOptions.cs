using MailKit.Security;

namespace SchoolRisk.Functions.Notify;

/// <summary>
/// How notices are delivered: configuration section <c>Notifications</c> (<c>Notifications__SmtpHost</c> as an
/// environment variable). In Azure, point it at the committee's mail relay and keep the password in Key Vault
/// (an app setting reference), never in the repository.
/// </summary>
public sealed class DeliveryOptions
{
    public string SmtpHost { get; set; } = "127.0.0.1";

    public int SmtpPort { get; set; } = 1025;

    /// <summary><c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c> or <c>Auto</c> (MailKit's <see cref="SecureSocketOptions"/>).</summary>
    public SecureSocketOptions SmtpSecurity { get; set; } = SecureSocketOptions.None;

    public string? SmtpUser { get; set; }

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
}
