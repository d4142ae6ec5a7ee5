namespace SchoolRisk.Domain.Notices;

/// <summary>Where an upload's error report is stored: blob names of its JSON and CSV forms.</summary>
public sealed record ReportLinks(string Json, string Csv);
