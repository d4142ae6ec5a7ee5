namespace SchoolRisk.Domain.Uploads;

public static class UploadFormats
{
    /// <summary>The format of a file by its extension (<c>.csv</c> and <c>.txt</c>, <c>.xlsx</c>, <c>.json</c>).</summary>
    public static UploadFormat Of(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" or ".txt" => UploadFormat.Csv,
        ".xlsx" => UploadFormat.Xlsx,
        ".json" => UploadFormat.Json,
        ".xls" => throw new UploadRejectedException(
            $"Файл «{fileName}»: формат Excel 97–2003 (.xls) не принимается; сохраните книгу как .xlsx или CSV."),
        _ => throw new UploadRejectedException(
            $"Файл «{fileName}»: формат не поддерживается; загрузите файл CSV, XLSX или JSON."),
    };

    /// <summary>The word for a row in messages: records of JSON, rows of tables.</summary>
    public static string RowNoun(this UploadFormat format) => format == UploadFormat.Json ? "запись" : "строка";
}
