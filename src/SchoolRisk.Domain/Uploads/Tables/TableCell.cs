namespace SchoolRisk.Domain.Uploads.Tables;

/// <summary>
/// One cell as read from a file. <see cref="Text"/> is what a person sees in it: the field of a CSV file, a
/// spreadsheet's text, or a spreadsheet number as its display format shows it («12,50%», «03.май»). Where the file
/// stores a number rather than text (a spreadsheet number cell, a JSON number), <see cref="Number"/> holds it, already
/// kept to <see cref="Values.Precision.SignificantDigits"/> significant digits, and <see cref="Format"/> says how it
/// is shown; <c>null</c> when it does not fit a <see cref="decimal"/>.
/// </summary>
public readonly record struct TableCell(string? Text, decimal? Number = null, CellFormat Format = CellFormat.Text)
{
    /// <summary>A text cell.</summary>
    public static implicit operator TableCell(string? text) => new(text);

    /// <summary>A text cell.</summary>
    public static TableCell FromString(string? text) => new(text);

    /// <summary>No text and no number.</summary>
    public bool IsBlank => Number is null && Format is not (CellFormat.Date or CellFormat.Error) && string.IsNullOrWhiteSpace(Text);

    public override string ToString() => Text ?? string.Empty;
}
