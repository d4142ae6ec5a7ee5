namespace SchoolRisk.Cli.Uploads;

/// <summary>A school's row read: its row, id, name (the registry's) and each recognised indicator's value (<c>null</c>: missing).</summary>
public sealed record CheckedSchool(int Row, string SchoolId, string SchoolName, IReadOnlyDictionary<string, decimal?> Values);
