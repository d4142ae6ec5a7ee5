namespace SchoolRisk.Domain.Notices.Recipients;

/// <summary>
/// One address of a recipient: a municipality (<see cref="RecipientId"/> is its id) or the committee
/// (<see cref="RecipientDirectory.Committee"/>). A row gives an e-mail address, a webhook, or both; the webhook's JSON
/// is signed with <see cref="WebhookSecret"/> (HMAC-SHA256), which the receiver holds too.
/// </summary>
public sealed record Recipient(string RecipientId, string Name, string? Email, Uri? WebhookUrl, string? WebhookSecret);
