namespace SchoolRisk.Cli.Uploads;

/// <summary>A column read: its header, and the indicator it became.</summary>
public sealed record CheckedColumn(string Header, string Indicator, string Title);
