namespace SchoolRisk.Domain.Uploads;

/// <summary>A row of an upload that was skipped, and why: the message names file, row, column and value, in Russian.</summary>
public sealed record UploadProblem(int Row, string? Column, string? Value, string Message);
