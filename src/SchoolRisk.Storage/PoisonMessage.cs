namespace SchoolRisk.Storage;

/// <summary>
/// A message waiting in a poison queue (<see cref="PoisonMessages.PeekAsync"/>): its id, when it was put there (the
/// Functions host moves a message by writing it anew, so this is when it gave up on it), and its text, unchanged.
/// </summary>
public sealed record PoisonMessage(string MessageId, DateTimeOffset? InsertedOn, string Text);
