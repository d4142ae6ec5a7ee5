using System.Collections.Concurrent;
using SchoolRisk.LocalHost.Worker;

namespace SchoolRisk.LocalHost.Grpc;

/// <summary>
/// The channels waiting for their worker to connect, by worker id: the id the host passes in <c>--functions-worker-id</c>
/// and the worker sends back in its first message (<c>StartStream.worker_id</c>).
/// </summary>
internal sealed class WorkerStreams
{
    private readonly ConcurrentDictionary<string, WorkerChannel> _waiting = new(StringComparer.Ordinal);

    public void Expect(WorkerChannel channel) => _waiting[channel.WorkerId] = channel;

    public void Forget(WorkerChannel channel) => _waiting.TryRemove(new KeyValuePair<string, WorkerChannel>(channel.WorkerId, channel));

    /// <summary>The channel of <paramref name="workerId"/>, which no later stream can claim; <c>null</c> for an unknown id.</summary>
    public WorkerChannel? Claim(string workerId) => _waiting.TryRemove(workerId, out var channel) ? channel : null;
}
