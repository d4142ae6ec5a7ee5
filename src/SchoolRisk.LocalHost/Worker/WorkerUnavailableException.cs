namespace SchoolRisk.LocalHost.Worker;

/// <summary>The worker cannot answer: its process exited, or its gRPC stream ended, before the answer came.</summary>
public sealed class WorkerUnavailableException : Exception
{
    public WorkerUnavailableException()
    {
    }

    public WorkerUnavailableException(string message)
        : base(message)
    {
    }

    public WorkerUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
