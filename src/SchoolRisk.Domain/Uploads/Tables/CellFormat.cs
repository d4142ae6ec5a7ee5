namespace SchoolRisk.Domain.Uploads.Tables;

/// <summary>What a cell holds: text as typed, or, in a spreadsheet or JSON, a number the file stores with its display format.</summary>
public enum CellFormat
{
    /// <summary>Text: a CSV field, a spreadsheet text cell (including a number formatted as text), a JSON string.</summary>
    Text,

    /// <summary>A number stored as a number (a spreadsheet number cell in a non-percent, non-date format; a JSON number).</summary>
    Number,

    /// <summary>A spreadsheet number cell formatted as percent: Excel stores «12,5 %» as 0.125.</summary>
    Percent,

    /// <summary>A spreadsheet cell formatted as a date or time: never read as a number.</summary>
    Date,

    /// <summary>A spreadsheet cell holding a formula's error («#DIV/0!», «#N/A»): no value was computed.</summary>
    Error,
}
