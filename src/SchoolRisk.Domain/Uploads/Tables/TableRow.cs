namespace SchoolRisk.Domain.Uploads.Tables;

/// <summary>One row of a table as read from a file: its number as people see it (line, sheet row or record) and its cells as text.</summary>
public sealed record TableRow(int Number, IReadOnlyList<string?> Cells)
{
    public string? Cell(int index) => index < Cells.Count ? Cells[index] : null;

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);

    /// <summary>
    /// Reading this row as a header: the index of each of <paramref name="columns"/> (names compared ignoring case and
    /// surrounding spaces); a missing column is refused with the message <paramref name="missing"/> gives for it.
    /// </summary>
    public int[] IndexesOf(IReadOnlyList<string> columns, Func<string, string> missing) =>
        [.. columns.Select(column =>
            Cells.Select((cell, index) => (cell, index)).FirstOrDefault(pair => string.Equals(pair.cell?.Trim(), column, StringComparison.OrdinalIgnoreCase)) is { cell: not null } found
                ? found.index
                : throw new UploadRejectedException(missing(column)))];
}
