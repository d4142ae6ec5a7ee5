namespace SchoolRisk.Domain.Uploads.Tables;

/// <summary>
/// A file a person sent cannot be used at all: a municipality's upload, the school registry, the recipients list or the
/// federal list that is in no format read here, unreadable in its format, empty or without a required column. The
/// message is in Russian and names the file, and where it applies the row, column and value, because it is shown to the
/// person who sent the file. A row's own problem is never this: it is reported and the row skipped.
/// </summary>
public sealed class FileRejectedException : Exception
{
    public FileRejectedException()
    {
    }

    public FileRejectedException(string message)
        : base(message)
    {
    }

    public FileRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
