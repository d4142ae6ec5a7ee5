using Grpc.Core;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using RpcException = Grpc.Core.RpcException;

namespace SchoolRisk.LocalHost.Grpc;

/// <summary>
/// The host's side of <c>FunctionRpc.EventStream</c>, the one call a worker makes: its first message must be
/// <c>StartStream</c> naming a worker the host started (<see cref="WorkerStreams"/>); the call then belongs to that
/// worker's channel until either side ends it.
/// </summary>
internal sealed class FunctionRpcService(WorkerStreams streams) : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(
        IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(context);
        if (!await requestStream.MoveNext(context.CancellationToken))
        {
            return;
        }

        var first = requestStream.Current;
        if (first.ContentCase != StreamingMessage.ContentOneofCase.StartStream)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"The first message must be StartStream, not {first.ContentCase}."));
        }

        var channel = streams.Claim(first.StartStream.WorkerId)
            ?? throw new RpcException(new Status(StatusCode.PermissionDenied, $"Unknown worker id '{first.StartStream.WorkerId}'."));
        await channel.RunAsync(requestStream, responseStream, context.CancellationToken);
    }
}
