namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// Something the user is told that is not an error: a row left out because it is not a school (a total, a signature
/// line, a sub-heading). The message names the file and row and quotes the row, in Russian.
/// </summary>
public sealed record UploadNote(int Row, string Message);
