using System.Diagnostics;
using System.Globalization;
using SchoolRisk.LocalHost.Logging;
using SchoolRisk.LocalHost.Processes;

namespace SchoolRisk.LocalHost.Worker;

/// <summary>
/// One run of the worker process, started as the Functions host starts it (<c>RpcWorkerProcess</c>,
/// <c>RpcWorkerContext</c>): <c>dotnet &lt;App&gt;.dll</c> in the app folder with the legacy and the
/// <c>--functions-*</c> arguments (worker 2.x reads only the latter), and the environment
/// <c>FUNCTIONS_WORKER_DIRECTORY</c>, <c>FUNCTIONS_APPLICATION_DIRECTORY</c> (without it every function load fails),
/// <c>FUNCTIONS_WORKER_RUNTIME</c>, <c>AzureWebJobsScriptRoot</c> and the app settings. Its standard output and error
/// go to <see cref="WorkerConsoleLog"/>; the last lines of its error output are kept to explain an exit.
/// </summary>
internal sealed class WorkerProcess
{
    private const int KeptErrorLines = 20;

    private readonly Process _process;
    private readonly Queue<string> _errorTail = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _stopped;

    private WorkerProcess(Process process) => _process = process;

    /// <summary>The process id; it stays readable after the process has exited.</summary>
    public int Id { get; private set; }

    /// <summary>Completes with the exit code when the process has exited.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>The last lines the process wrote to standard error, oldest first.</summary>
    public string ErrorTail
    {
        get
        {
            lock (_errorTail)
            {
                return string.Join(Environment.NewLine, _errorTail);
            }
        }
    }

    /// <param name="config">How to start it.</param>
    /// <param name="appFolder">The app's output folder: the working directory, and both directories in the environment.</param>
    /// <param name="endpoint">The gRPC server's address, such as <c>http://127.0.0.1:5123/</c>.</param>
    /// <param name="workerId">The id the worker sends back in <c>StartStream</c>.</param>
    /// <param name="maxMessageLength">The largest gRPC message, in bytes, either way.</param>
    /// <param name="environment">App settings and the host's variables, added to the host's own environment.</param>
    /// <param name="console">Where its output lines go.</param>
    /// <exception cref="InvalidOperationException">The executable could not be started.</exception>
    public static async Task<WorkerProcess> StartAsync(
        WorkerConfig config, string appFolder, Uri endpoint, string workerId, int maxMessageLength, IReadOnlyDictionary<string, string> environment,
        WorkerConsoleLog console)
    {
        var start = new ProcessStartInfo(config.Executable)
        {
            WorkingDirectory = appFolder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        var requestId = Guid.NewGuid().ToString();
        var length = maxMessageLength.ToString(CultureInfo.InvariantCulture);
        var port = endpoint.Port.ToString(CultureInfo.InvariantCulture);
        IEnumerable<string> arguments =
        [
            .. config.ExecutableArguments,
            .. config.WorkerPath.Length == 0 ? [] : new[] { Path.Combine(appFolder, config.WorkerPath) },
            .. config.WorkerArguments,
            "--host", endpoint.Host, "--port", port, "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", length,
            "--functions-uri", endpoint.AbsoluteUri, "--functions-worker-id", workerId, "--functions-request-id", requestId,
            "--functions-grpc-max-message-length", length,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, line) => console.Write(line.Data, isError: false);
        process.ErrorDataReceived += (_, line) => worker.OnError(line.Data, console);
        process.Exited += (_, _) => worker._exited.TrySetResult(process.ExitCode);
        try
        {
            await ChildProcesses.StartAsync(process);
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or IOException)
        {
            throw new InvalidOperationException($"The worker '{config.Executable}' could not be started in '{appFolder}': {exception.Message}", exception);
        }

        worker.Id = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Kills the process and its children at once (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has exited already.
        }
    }

    /// <summary>
    /// Waits for the exit, killing the process once <paramref name="grace"/> has passed; then releases it. Later calls
    /// wait for the first.
    /// </summary>
    public Task StopAsync(TimeSpan grace)
    {
        lock (_errorTail)
        {
            return _stopped ??= StopOnceAsync(grace);
        }
    }

    private async Task StopOnceAsync(TimeSpan grace)
    {
        try
        {
            await Exited.WaitAsync(grace);
        }
        catch (TimeoutException)
        {
            Kill();
            await Exited;
        }

        // The output readers finish with the pipes; the exit code is read.
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void OnError(string? line, WorkerConsoleLog console)
    {
        if (line is null)
        {
            return;
        }

        lock (_errorTail)
        {
            _errorTail.Enqueue(line);
            if (_errorTail.Count > KeptErrorLines)
            {
                _errorTail.Dequeue();
            }
        }

        console.Write(line, isError: true);
    }
}
