namespace SchoolRisk.Domain.Uploads.Writing;

/// <summary>The file forms an <see cref="UploadTemplate"/> is written in.</summary>
public enum UploadTemplateFormat
{
    /// <summary>CSV: UTF-8 with BOM, <c>;</c> separators, decimal comma.</summary>
    Csv,

    /// <summary>An Excel workbook, one sheet «Данные».</summary>
    Xlsx,
}
