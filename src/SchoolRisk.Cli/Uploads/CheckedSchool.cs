using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Cli.Uploads;

/// <summary>A school's row read: its row, id and name (the registry's) and each recognised indicator's value (<c>null</c>: missing).</summary>
public sealed record CheckedSchool(int Row, SchoolId SchoolId, string SchoolName, IReadOnlyDictionary<string, decimal?> Values);
