namespace SchoolRisk.Domain.Uploads;

/// <summary>The file formats an upload may come in, told by the file's extension.</summary>
public enum UploadFormat
{
    Csv,
    Xlsx,
    Json,
}
