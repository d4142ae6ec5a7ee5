using System.Collections.Concurrent;
using System.Threading.Channels;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using Microsoft.Extensions.Logging;
using SchoolRisk.LocalHost.Logging;
using RpcException = Grpc.Core.RpcException;

namespace SchoolRisk.LocalHost.Worker;

/// <summary>
/// One worker's gRPC stream, as the Functions host's <c>GrpcWorkerChannel</c> drives it. Messages to the worker are
/// written by one loop, in order. The worker answers each request on its own task, so answers come in any order: a
/// request is matched to its answer by <c>request_id</c> (the worker copies it), an invocation by
/// <c>invocation_id</c>. <c>RpcLog</c> messages go to the <see cref="RpcLogForwarder"/>; the empty messages the worker
/// sends back for <c>WorkerTerminate</c> and <c>InvocationCancel</c> are ignored. When the stream ends, every request
/// and invocation still waiting is failed (the worker never answers them) and nothing more can be sent.
/// </summary>
internal sealed class WorkerChannel(string workerId, RpcLogForwarder logs, ILogger<WorkerChannel> logger)
{
    private readonly Channel<StreamingMessage> _outgoing = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PendingInvocation> _invocations = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _failedOnClose;

    public string WorkerId { get; } = workerId;

    /// <summary>Completes when the worker has opened its stream (its <c>StartStream</c> arrived).</summary>
    public Task Connected => _connected.Task;

    /// <summary>Completes, with the reason, when the channel is closed: the stream ended, or the host closed it.</summary>
    public Task<string> Closed => _closed.Task;

    /// <summary>Invocations sent and not answered yet.</summary>
    public int PendingInvocations => _invocations.Count;

    /// <summary>How many invocations in flight <see cref="Close"/> failed.</summary>
    public int FailedOnClose => Volatile.Read(ref _failedOnClose);

    /// <summary>Runs the stream until either side ends it; the gRPC call lasts as long.</summary>
    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> reader, IServerStreamWriter<StreamingMessage> writer, CancellationToken cancellationToken)
    {
        _connected.TrySetResult();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = WriteAllAsync(writer, stop.Token);
        var reason = "the worker ended its stream";
        try
        {
            while (await reader.MoveNext(stop.Token))
            {
                Dispatch(reader.Current);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or RpcException or InvalidOperationException)
        {
            reason = $"the stream broke ({exception.GetType().Name}: {exception.Message})";
        }
        finally
        {
            Close(reason);
            await stop.CancelAsync();
            await writing;
        }
    }

    /// <summary>Sends a request and waits for the message that answers it (same <c>request_id</c>).</summary>
    /// <exception cref="WorkerUnavailableException">The channel closed before the answer came.</exception>
    /// <exception cref="TimeoutException">No answer within <paramref name="timeout"/>.</exception>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.RequestId = Guid.NewGuid().ToString();
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests[request.RequestId] = answer;
        try
        {
            if (!Send(request))
            {
                throw new WorkerUnavailableException($"The worker's channel is closed: {ClosedReason}.");
            }

            return await answer.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The worker did not answer {request.ContentCase} within {timeout}.");
        }
        finally
        {
            _requests.TryRemove(request.RequestId, out _);
        }
    }

    /// <summary>
    /// Sends an invocation; the task completes with the worker's answer, or with <see cref="InvocationStatus.WorkerUnavailable"/>
    /// when the channel closes first. It never faults.
    /// </summary>
    public Task<InvocationResult> InvokeAsync(string functionName, InvocationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pending = new PendingInvocation(functionName);
        _invocations[request.InvocationId] = pending;
        if (!Send(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), InvocationRequest = request }))
        {
            _invocations.TryRemove(request.InvocationId, out _);
            return Task.FromResult(InvocationResult.Unavailable($"the worker's channel is closed: {ClosedReason}"));
        }

        if (_closed.Task.IsCompleted && _invocations.TryRemove(request.InvocationId, out _))
        {
            return Task.FromResult(InvocationResult.Unavailable($"the worker's channel is closed: {ClosedReason}"));
        }

        return pending.Result.Task;
    }

    /// <summary>Asks the worker to cancel an invocation's CancellationToken (<c>InvocationCancel</c>); it still answers it.</summary>
    public void Cancel(string invocationId) => Send(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = invocationId } });

    /// <summary>Stops waiting for an invocation's answer; one that comes later is ignored.</summary>
    public void Abandon(string invocationId) => _invocations.TryRemove(invocationId, out _);

    /// <summary>Asks the worker to stop its host and exit (<c>WorkerTerminate</c>); <c>false</c> when the channel is closed.</summary>
    public bool Terminate(TimeSpan gracePeriod) =>
        Send(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(gracePeriod) } });

    /// <summary>Closes the channel: nothing more is sent, and every request and invocation still waiting fails with <paramref name="reason"/>.</summary>
    public void Close(string reason)
    {
        if (!_closed.TrySetResult(reason))
        {
            return;
        }

        _outgoing.Writer.TryComplete();
        foreach (var id in _requests.Keys)
        {
            if (_requests.TryRemove(id, out var request))
            {
                request.TrySetException(new WorkerUnavailableException(reason));
            }
        }

        foreach (var id in _invocations.Keys)
        {
            if (_invocations.TryRemove(id, out var invocation) && invocation.Result.TrySetResult(InvocationResult.Unavailable(reason)))
            {
                Interlocked.Increment(ref _failedOnClose);
            }
        }
    }

    private string ClosedReason => _closed.Task.IsCompleted ? _closed.Task.Result : "not connected";

    private bool Send(StreamingMessage message) => _outgoing.Writer.TryWrite(message);

    private async Task WriteAllAsync(IServerStreamWriter<StreamingMessage> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(cancellationToken))
            {
                await writer.WriteAsync(message, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or RpcException or InvalidOperationException)
        {
            Close($"writing to the stream failed ({exception.GetType().Name}: {exception.Message})");
        }
    }

    private void Dispatch(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.RpcLog:
                logs.Write(message.RpcLog, _invocations.TryGetValue(message.RpcLog.InvocationId, out var running) ? running.FunctionName : null);
                break;
            case StreamingMessage.ContentOneofCase.InvocationResponse:
                var response = message.InvocationResponse;
                if (_invocations.TryRemove(response.InvocationId, out var invocation))
                {
                    invocation.Result.TrySetResult(InvocationResult.From(response));
                }
                else
                {
                    logger.LogDebug("Invocation {InvocationId} answered after the host stopped waiting for it: ignored", response.InvocationId);
                }

                break;
            case StreamingMessage.ContentOneofCase.None:
                // The worker's empty answer to WorkerTerminate and InvocationCancel.
                break;
            default:
                if (_requests.TryRemove(message.RequestId, out var request))
                {
                    request.TrySetResult(message);
                }
                else
                {
                    logger.LogDebug("Unexpected {Message} from worker {WorkerId}: ignored", message.ContentCase, WorkerId);
                }

                break;
        }
    }

    private sealed record PendingInvocation(string FunctionName)
    {
        public TaskCompletionSource<InvocationResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
