using System.Diagnostics;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using Microsoft.Extensions.Logging;
using SchoolRisk.LocalHost.Grpc;
using SchoolRisk.LocalHost.Logging;
using SchoolRisk.LocalHost.Metadata;

namespace SchoolRisk.LocalHost.Worker;

/// <summary>
/// The isolated worker of the function app, run as the Functions host runs it: a gRPC server for it to connect back to,
/// its process (<see cref="WorkerProcess"/>), and the startup sequence of <c>GrpcWorkerChannel</c>:
/// <c>StartStream</c> → <c>WorkerInitRequest</c> (capabilities as the host sends them) → <c>FunctionsMetadataRequest</c>
/// (worker indexing; <c>functions.metadata</c> when the worker answers <c>use_default_metadata_indexing</c>) → one
/// <c>FunctionLoadRequest</c> per function (worker 2.52 ignores <c>FunctionLoadRequestCollection</c>).
/// <para>
/// When the worker dies or its stream ends, every invocation in flight fails at once, new ones are refused until a
/// new worker has loaded the functions (<see cref="WaitUntilReadyAsync"/>), and it is started again after a back-off
/// (0.5 s, doubling up to 30 s while it keeps dying within 30 s of its start), counted in <see cref="Restarts"/>. An
/// invocation running past <c>functionTimeout</c> is sent <c>InvocationCancel</c> and fails (the real host
/// restarts its worker then; this one keeps it). Disposing sends <c>WorkerTerminate</c>, kills the worker if it has not
/// exited within the grace period, and stops the server.
/// </para>
/// </summary>
public sealed class WorkerSupervisor : IAsyncDisposable
{
    /// <summary>The host version sent in <c>WorkerInitRequest</c> (the worker does not read it).</summary>
    public const string HostVersion = "4.0.0.0";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan TerminateGracePeriod = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CancelGracePeriod = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan InitialBackoff = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan HealthyUptime = TimeSpan.FromSeconds(30);

    private readonly string _appFolder;
    private readonly WorkerConfig _config;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly TimeSpan? _functionTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ILogger<WorkerChannel> _channelLogger;
    private readonly RpcLogForwarder _rpcLogs;
    private readonly WorkerConsoleLog _console;
    private readonly WorkerStreams _streams = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _stopRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private TaskCompletionSource<Launch> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FunctionRpcServer? _server;
    private Launch? _current;
    private Task _supervision = Task.CompletedTask;
    private int _restarts;

    internal WorkerSupervisor(
        string appFolder, WorkerConfig config, IReadOnlyDictionary<string, string> environment, TimeSpan? functionTimeout, TimeProvider time, ILoggerFactory loggers)
    {
        _appFolder = appFolder;
        _config = config;
        _environment = environment;
        _functionTimeout = functionTimeout;
        _time = time;
        _logger = loggers.CreateLogger<WorkerSupervisor>();
        _channelLogger = loggers.CreateLogger<WorkerChannel>();
        _rpcLogs = new RpcLogForwarder(loggers);
        _console = new WorkerConsoleLog(loggers);
    }

    /// <summary>How many times the worker was started again after it died (each try counts, whether it came up or not).</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>The current worker process's id, or <c>null</c> when none is running.</summary>
    public int? ProcessId => _current?.Process.Id;

    /// <summary>Invocations sent to the current worker and not answered yet.</summary>
    public int PendingInvocations => _current?.Channel.PendingInvocations ?? 0;

    /// <summary>The names of the functions the worker loaded.</summary>
    public IReadOnlyList<string> Functions => [.. LoadedFunctions.Select(function => function.Name)];

    /// <summary>How long the first start took, from starting the process to the last function loaded.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>The capabilities the current worker declared in its <c>WorkerInitResponse</c> (empty while none runs).</summary>
    internal IReadOnlyDictionary<string, string> Capabilities => _current?.Capabilities ?? new Dictionary<string, string>();

    /// <summary>The functions of the first start; later starts load the same app.</summary>
    internal IReadOnlyList<FunctionDescriptor> LoadedFunctions { get; private set; } = [];

    /// <summary>Kills the worker process at once (SIGKILL), as a crash would; it is started again.</summary>
    public void Kill() => _current?.Process.Kill();

    /// <summary>Starts the gRPC server and the worker, and returns when every function is loaded.</summary>
    /// <exception cref="InvalidOperationException">The worker did not start, connect, initialize or index its functions.</exception>
    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        _server = await FunctionRpcServer.StartAsync(_streams, cancellationToken);
        var clock = Stopwatch.StartNew();
        var launch = await LaunchAsync(cancellationToken);
        StartupTime = clock.Elapsed;
        LoadedFunctions = launch.Functions;
        _logger.LogInformation(
            "Worker started (process {ProcessId}) and loaded {Count} functions in {Milliseconds:0} ms; gRPC on {Address}",
            launch.Process.Id, launch.Functions.Count, StartupTime.TotalMilliseconds, _server.Address);
        lock (_gate)
        {
            _current = launch;
            _ready.TrySetResult(launch);
        }

        _supervision = Task.Run(SuperviseAsync, CancellationToken.None);
    }

    /// <summary>Returns when a worker is ready to take invocations.</summary>
    internal async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        Task<Launch> ready;
        lock (_gate)
        {
            ready = _ready.Task;
        }

        await ready.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Invokes <paramref name="functionName"/> with <paramref name="request"/> (its function id is set here). Never
    /// throws for the worker's sake: a refusal, a death or a timeout is the result's status.
    /// </summary>
    /// <param name="functionName">The function.</param>
    /// <param name="request">The invocation, without its function id.</param>
    /// <param name="cancellationToken">Cancels the invocation: the worker is sent <c>InvocationCancel</c>.</param>
    internal async Task<InvocationResult> InvokeAsync(string functionName, InvocationRequest request, CancellationToken cancellationToken)
    {
        Task<Launch> ready;
        lock (_gate)
        {
            ready = _ready.Task;
        }

        if (!ready.IsCompletedSuccessfully)
        {
            return InvocationResult.Unavailable("no worker is running: it is being started again");
        }

        var launch = ready.Result;
        if (!launch.FunctionIds.TryGetValue(functionName, out var functionId))
        {
            return InvocationResult.Unavailable($"the worker did not load function '{functionName}'");
        }

        request.FunctionId = functionId;
        var answer = launch.Channel.InvokeAsync(functionName, request);
        using var timeout = _functionTimeout is { } limit ? new CancellationTokenSource(limit, _time) : new CancellationTokenSource();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            return await answer.WaitAsync(cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // Timed out or cancelled: the worker is asked to cancel, and given a moment to answer.
        }

        launch.Channel.Cancel(request.InvocationId);
        var reason = timeout.IsCancellationRequested
            ? $"Timeout value of {_functionTimeout} exceeded by function '{functionName}' (invocation {request.InvocationId}): it was sent InvocationCancel"
            : $"Invocation {request.InvocationId} of '{functionName}' was cancelled by its caller: it was sent InvocationCancel";
        try
        {
            var late = await answer.WaitAsync(CancelGracePeriod, _time, CancellationToken.None);
            return timeout.IsCancellationRequested ? InvocationResult.TimedOut($"{reason}; it then answered {late.Status}: {late.Failure}") : late;
        }
        catch (TimeoutException)
        {
            // No answer to the cancellation either.
        }

        launch.Channel.Abandon(request.InvocationId);
        return InvocationResult.TimedOut($"{reason}, and did not answer within {CancelGracePeriod}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        _stopRequested.TrySetResult();
        await _supervision;
        Launch? launch;
        lock (_gate)
        {
            launch = _current;
            _current = null;
            _ready = new TaskCompletionSource<Launch>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (launch is not null)
        {
            await StopAsync(launch, "the host is stopping", graceful: true);
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _stopping.Dispose();
    }

    /// <summary>Kills the worker process at once; for a host that is disposed without being stopped.</summary>
    internal void KillNow() => _current?.Process.Kill();

    private async Task SuperviseAsync()
    {
        var backoff = InitialBackoff;
        while (!_stopping.IsCancellationRequested)
        {
            var launch = _current;
            if (launch is null)
            {
                return;
            }

            var lost = await Task.WhenAny(launch.Process.Exited, launch.Channel.Closed, _stopRequested.Task);
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            var reason = lost == launch.Process.Exited ? $"its process exited with code {await launch.Process.Exited}" : await launch.Channel.Closed;
            lock (_gate)
            {
                _ready = new TaskCompletionSource<Launch>(TaskCreationOptions.RunContinuationsAsynchronously);
                _current = null;
            }

            await StopAsync(launch, $"the worker stopped: {reason}", graceful: false);
            _logger.LogError(
                "The worker (process {ProcessId}) stopped: {Reason}; {Pending} invocations in flight failed. Its last error output: {ErrorTail}",
                launch.Process.Id, reason, launch.Channel.FailedOnClose, launch.Process.ErrorTail);
            backoff = _time.GetElapsedTime(launch.StartedAt) >= HealthyUptime ? InitialBackoff : backoff;
            while (true)
            {
                try
                {
                    await Task.Delay(backoff, _time, _stopping.Token);
                    Interlocked.Increment(ref _restarts);
                    _logger.LogWarning("Starting the worker again (restart {Restarts})", Restarts);
                    var next = await LaunchAsync(_stopping.Token);
                    lock (_gate)
                    {
                        _current = next;
                        _ready.TrySetResult(next);
                    }

                    _logger.LogInformation("Worker started again (process {ProcessId})", next.Process.Id);
                    backoff = Double(backoff);
                    break;
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or WorkerUnavailableException)
                {
                    backoff = Double(backoff);
                    _logger.LogError(exception, "The worker could not be started again; next try in {Backoff}", backoff);
                }
            }
        }
    }

    private async Task<Launch> LaunchAsync(CancellationToken cancellationToken)
    {
        var workerId = Guid.NewGuid().ToString();
        var channel = new WorkerChannel(workerId, _rpcLogs, _channelLogger);
        _streams.Expect(channel);
        var startedAt = _time.GetTimestamp();
        var process = await WorkerProcess.StartAsync(
            _config, _appFolder, _server!.Address, workerId, FunctionRpcServer.MaxMessageLength, _environment, _console);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            await Task.WhenAny(channel.Connected, channel.Closed, process.Exited, Task.Delay(Timeout.Infinite, timeout.Token));
            cancellationToken.ThrowIfCancellationRequested();
            if (!channel.Connected.IsCompleted)
            {
                throw new InvalidOperationException(process.Exited.IsCompleted
                    ? $"The worker exited with code {await process.Exited} before connecting. Its error output:{Environment.NewLine}{process.ErrorTail}"
                    : $"The worker did not connect within {StartTimeout}.");
            }

            var (capabilities, functions) = await InitializeAsync(channel, cancellationToken);
            return new Launch(process, channel, functions, startedAt) { Capabilities = capabilities };
        }
        catch
        {
            _streams.Forget(channel);
            await StopAsync(new Launch(process, channel, [], startedAt), "the worker's start failed", graceful: false);
            throw;
        }
    }

    private async Task<(IReadOnlyDictionary<string, string> Capabilities, IReadOnlyList<FunctionDescriptor> Functions)> InitializeAsync(WorkerChannel channel, CancellationToken cancellationToken)
    {
        var init = new WorkerInitRequest { HostVersion = HostVersion, WorkerDirectory = _appFolder, FunctionAppDirectory = _appFolder };

        // As GrpcWorkerChannel.SendWorkerInitRequest: the host may open up to 10 streams per worker.
        init.Capabilities["MultiStream"] = "10";
        var initialized = (await channel.RequestAsync(new StreamingMessage { WorkerInitRequest = init }, RequestTimeout, cancellationToken)).WorkerInitResponse;
        Check(initialized.Result, "initialize");
        _logger.LogDebug(
            "Worker {Version} on {Runtime} {RuntimeVersion}; capabilities {Capabilities}",
            initialized.WorkerMetadata?.WorkerVersion, initialized.WorkerMetadata?.RuntimeName, initialized.WorkerMetadata?.RuntimeVersion,
            string.Join(", ", initialized.Capabilities.Select(capability => $"{capability.Key}={capability.Value}")));

        var indexed = (await channel.RequestAsync(
            new StreamingMessage { FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = _appFolder } }, RequestTimeout, cancellationToken))
            .FunctionMetadataResponse;
        Check(indexed.Result, "index its functions");
        IReadOnlyList<RpcFunctionMetadata> metadata = indexed.UseDefaultMetadataIndexing ? FunctionsMetadataFile.Read(_appFolder) : indexed.FunctionMetadataResults;
        var indexedWell = metadata.Where(function =>
        {
            if (function.Status is { Status: StatusResult.Types.Status.Failure } status)
            {
                _logger.LogError("The worker failed to index function {Function}: {Error}", function.Name, status.Exception?.Message);
                return false;
            }

            return true;
        }).ToList();

        var loads = await Task.WhenAll(indexedWell.Select(async function =>
        {
            var load = new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = function };
            var loaded = (await channel.RequestAsync(new StreamingMessage { FunctionLoadRequest = load }, RequestTimeout, cancellationToken)).FunctionLoadResponse;
            if (loaded.Result.Status != StatusResult.Types.Status.Success)
            {
                _logger.LogError("Function {Function} failed to load: {Error}", function.Name, loaded.Result.Exception?.Message);
                return null;
            }

            return FunctionDescriptor.From(function);
        }));
        return (initialized.Capabilities.ToDictionary(), [.. loads.OfType<FunctionDescriptor>()]);
    }

    private static TimeSpan Double(TimeSpan backoff) => backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;

    private static void Check(StatusResult? result, string what)
    {
        if (result is not { Status: StatusResult.Types.Status.Success })
        {
            throw new InvalidOperationException($"The worker failed to {what}: {result?.Exception?.Message ?? result?.Result ?? "no result"}");
        }
    }

    private static async Task StopAsync(Launch launch, string reason, bool graceful)
    {
        if (graceful && launch.Channel.Terminate(TerminateGracePeriod))
        {
            await launch.Process.StopAsync(TerminateGracePeriod);
        }
        else
        {
            launch.Process.Kill();
            await launch.Process.StopAsync(TimeSpan.Zero);
        }

        launch.Channel.Close(reason);
    }

    /// <summary>One run of the worker: its process, its channel, and the functions it loaded, by name.</summary>
    private sealed record Launch(WorkerProcess Process, WorkerChannel Channel, IReadOnlyList<FunctionDescriptor> Functions, long StartedAt)
    {
        public Dictionary<string, string> FunctionIds { get; } =
            Functions.ToDictionary(function => function.Name, function => function.Id, StringComparer.OrdinalIgnoreCase);

        public IReadOnlyDictionary<string, string> Capabilities { get; init; } = new Dictionary<string, string>();
    }
}
