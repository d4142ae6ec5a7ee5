namespace SchoolRisk.Domain.Notices.Letters;

/// <summary>A letter in Russian: subject, HTML body and the same content as plain text (the alternative part).</summary>
public sealed record Letter(string Subject, string Html, string Text);
