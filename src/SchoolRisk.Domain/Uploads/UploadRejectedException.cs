namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// An upload cannot be used. The message is in Russian and names the file, and where it applies the row,
/// column and value, because it is shown to the municipality that sent the file.
/// </summary>
public sealed class UploadRejectedException : Exception
{
    public UploadRejectedException()
    {
    }

    public UploadRejectedException(string message)
        : base(message)
    {
    }

    public UploadRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
