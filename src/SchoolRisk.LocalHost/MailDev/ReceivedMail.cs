namespace SchoolRisk.LocalHost.MailDev;

/// <summary>A letter the development mail server received: to whom, its subject, Message-ID and both bodies.</summary>
public sealed record ReceivedMail(string Id, IReadOnlyList<string> To, string Subject, string? MessageId, string? Html, string? Text);
