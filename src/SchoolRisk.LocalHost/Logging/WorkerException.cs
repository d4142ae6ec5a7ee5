using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace SchoolRisk.LocalHost.Logging;

/// <summary>
/// An exception the worker reported (an <c>RpcException</c>: in a log, or as an invocation's failure), rebuilt on the
/// host's side for its loggers: the worker's message, type and stack trace as text.
/// </summary>
public sealed class WorkerException : Exception
{
    private readonly string? _stackTrace;

    public WorkerException()
    {
    }

    public WorkerException(string message)
        : base(message)
    {
    }

    public WorkerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal WorkerException(RpcException exception)
        : base(string.IsNullOrEmpty(exception.Type) ? exception.Message : $"{exception.Type}: {exception.Message}")
    {
        _stackTrace = exception.StackTrace;
        Source = exception.Source;
    }

    public override string? StackTrace => string.IsNullOrEmpty(_stackTrace) ? base.StackTrace : _stackTrace;
}
