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
}
