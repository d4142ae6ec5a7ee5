namespace SchoolRisk.Domain.Schools;

/// <summary>
/// One school's row of an upload. <see cref="RowNumber"/> is the 1-based line in the file, header included;
/// <see cref="SchoolId"/> is the registry's id of the school, as the registry spells it.
/// </summary>
public sealed record SchoolRow(int RowNumber, SchoolId SchoolId, string SchoolName, SchoolIndicators Indicators);
