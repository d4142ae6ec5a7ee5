namespace SchoolRisk.Domain.Notices.Recipients;

/// <summary>
/// One address of a recipient: a municipality (<see cref="RecipientId"/> is its id) or the committee
/// (<see cref="RecipientDirectory.Committee"/>). A row gives an e-mail address, a webhook, or both; the webhook's JSON
/// is signed with <see cref="WebhookSecret"/> (HMAC-SHA256), which the receiver holds too. <see cref="Email"/> is exactly
/// one mailbox, as text that <c>MimeKit.MailboxAddress.TryParse(ParserOptions.Default, text, out _)</c> accepts: an
/// address, or a display name and an address (<c>"Петрова Анна" &lt;a.petrova@edu.example.ru&gt;</c>) when the
/// directory's cell gave one (<see cref="RecipientDirectory"/> checks it with that parser).
/// </summary>
public sealed record Recipient(string RecipientId, string Name, string? Email, Uri? WebhookUrl, string? WebhookSecret);
