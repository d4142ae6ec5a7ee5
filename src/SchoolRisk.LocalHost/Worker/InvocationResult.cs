using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace SchoolRisk.LocalHost.Worker;

/// <summary>How an invocation ended.</summary>
public enum InvocationStatus
{
    /// <summary>The worker answered Success.</summary>
    Succeeded,

    /// <summary>The worker answered Failure (the function threw, or was cancelled and said so as a failure).</summary>
    Failed,

    /// <summary>The worker answered Cancelled.</summary>
    Cancelled,

    /// <summary>The function ran past <c>functionTimeout</c>: it was sent InvocationCancel and given up on.</summary>
    TimedOut,

    /// <summary>No worker was ready, or it died (or its stream ended) before answering.</summary>
    WorkerUnavailable,
}

/// <summary>
/// The worker's answer to one <c>InvocationRequest</c> (an <c>InvocationResponse</c>), or the host's reason for having
/// none: <see cref="ReturnValue"/> is <c>return_value</c> (the <c>$return</c> binding), <see cref="Outputs"/> the
/// <c>output_data</c> by binding name (a multi-output POCO's property names).
/// </summary>
internal sealed record InvocationResult(InvocationStatus Status, string? Failure, TypedData? ReturnValue, IReadOnlyDictionary<string, TypedData> Outputs)
{
    public bool Succeeded => Status == InvocationStatus.Succeeded;

    /// <summary>The value of an output binding, or <c>null</c> when the function left it empty.</summary>
    public TypedData? Output(string bindingName) =>
        bindingName == "$return" ? ReturnValue : Outputs.GetValueOrDefault(bindingName);

    public static InvocationResult Unavailable(string reason) => new(InvocationStatus.WorkerUnavailable, reason, null, new Dictionary<string, TypedData>());

    public static InvocationResult TimedOut(string reason) => new(InvocationStatus.TimedOut, reason, null, new Dictionary<string, TypedData>());

    public static InvocationResult From(InvocationResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = response.Result?.Status switch
        {
            StatusResult.Types.Status.Success => InvocationStatus.Succeeded,
            StatusResult.Types.Status.Cancelled => InvocationStatus.Cancelled,
            _ => InvocationStatus.Failed,
        };
        var exception = response.Result?.Exception;
        var failure = status == InvocationStatus.Succeeded ? null
            : exception is null ? response.Result?.Result is { Length: > 0 } text ? text : status.ToString()
            : string.IsNullOrEmpty(exception.Type) ? exception.Message : $"{exception.Type}: {exception.Message}";
        var outputs = response.OutputData
            .Where(binding => binding.Data is not null)
            .GroupBy(binding => binding.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Last().Data, StringComparer.OrdinalIgnoreCase);
        return new InvocationResult(status, failure, response.ReturnValue, outputs);
    }
}
