namespace SchoolRisk.Domain.Uploads.Tables;

/// <summary>One row of a table as read from a file: its number as people see it (line, sheet row or record) and its cells as text.</summary>
public sealed record TableRow(int Number, IReadOnlyList<string?> Cells)
{
    public string? Cell(int index) => index < Cells.Count ? Cells[index] : null;

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}
