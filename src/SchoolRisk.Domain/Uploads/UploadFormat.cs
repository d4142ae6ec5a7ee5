namespace SchoolRisk.Domain.Uploads;

/// <summary>The file formats an upload may come in, told by the file's content first and its extension second (<see cref="UploadFormats.Detect"/>).</summary>
public enum UploadFormat
{
    /// <summary>Delimited text: <c>.csv</c>, <c>.txt</c>, <c>.tsv</c> (separator <c>;</c>, <c>,</c> or tab).</summary>
    Csv,

    /// <summary>An Excel 2007+ workbook: <c>.xlsx</c>, <c>.xlsm</c>.</summary>
    Xlsx,

    /// <summary>An Excel 97–2003 workbook: <c>.xls</c>.</summary>
    Xls,

    /// <summary>A JSON array of records: <c>.json</c>.</summary>
    Json,
}
