namespace SchoolRisk.Domain.Uploads.Tables;

/// <summary>
/// One row of a table as read from a file: its number as people see it (the row of a sheet or of the CSV opened in
/// Excel, counting a record whose quoted cell spans several lines once; the record of a JSON array; 0 for a JSON
/// header) and its cells.
/// </summary>
public sealed record TableRow(int Number, IReadOnlyList<TableCell> Cells)
{
    /// <summary>A row of text cells.</summary>
    public static TableRow OfText(int number, IEnumerable<string?> texts) => new(number, [.. texts.Select(TableCell.FromString)]);

    /// <summary>The text of cell <paramref name="index"/> (see <see cref="TableCell.Text"/>); <c>null</c> past the row's end.</summary>
    public string? Cell(int index) => index < Cells.Count ? Cells[index].Text : null;

    /// <summary>Cell <paramref name="index"/>; an empty cell past the row's end.</summary>
    public TableCell CellAt(int index) => index < Cells.Count ? Cells[index] : default;

    public bool IsBlank => Cells.All(cell => cell.IsBlank);

    /// <summary>
    /// Reading this row as a header: the index of each of <paramref name="columns"/> (names compared ignoring case and
    /// surrounding spaces); a missing column is refused with the message <paramref name="missing"/> gives for it.
    /// </summary>
    public int[] IndexesOf(IReadOnlyList<string> columns, Func<string, string> missing) =>
        [.. columns.Select(column =>
            Cells.Select((cell, index) => (cell.Text, index)).FirstOrDefault(pair => string.Equals(pair.Text?.Trim(), column, StringComparison.OrdinalIgnoreCase)) is { Text: not null } found
                ? found.index
                : throw new UploadRejectedException(missing(column)))];
}
