namespace SchoolRisk.Domain.Notices.Recipients;

/// <summary>
/// The recipients list cannot be used when a notice or digest is to be delivered: its file is unusable and no earlier
/// version was. The message is the file's problem in Russian, recorded as the notice's <c>Failed</c> reason, so that it
/// is sent with <c>schoolrisk notices replay --failed</c> once the committee fixes the file, rather than go to nobody.
/// </summary>
public sealed class RecipientsUnusableException : Exception
{
    public RecipientsUnusableException()
    {
    }

    public RecipientsUnusableException(string message)
        : base(message)
    {
    }

    public RecipientsUnusableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
