namespace SchoolRisk.Domain.Schools;

/// <summary>One school's row of an upload. <see cref="RowNumber"/> is the 1-based line in the file, header included.</summary>
public sealed record SchoolRow(int RowNumber, string SchoolId, string SchoolName, SchoolIndicators Indicators);
