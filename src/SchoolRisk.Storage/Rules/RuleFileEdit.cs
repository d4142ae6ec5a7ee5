namespace SchoolRisk.Storage.Rules;

/// <summary>
/// The last write of one rule file of the <c>rules</c> container: its name, when storage says it was written (to the
/// second) and the blob metadata written with it (<c>changedby</c>, <c>reason</c>, <c>reevaluate</c>, <c>allowremoval</c>;
/// names case-insensitive, values as stored).
/// </summary>
public sealed record RuleFileEdit(string Name, DateTimeOffset LastModified, IReadOnlyDictionary<string, string> Metadata);
