using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace SchoolRisk.LocalHost.Handler;

/// <summary>
/// The custom handler as a child process, started the way the Functions host starts it: the executable with its
/// arguments, <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> and the app settings in its environment. When it exits unexpectedly
/// it is started again on the same port; invocations in flight fail and their messages are retried.
/// </summary>
public sealed class HandlerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ProcessStartInfo _start;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Process? _process;
    private bool _stopping;

    private HandlerProcess(ProcessStartInfo start, int port, ILogger logger)
    {
        _start = start;
        _logger = logger;
        Url = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Url { get; }

    /// <summary>How many times the handler was started again after it exited.</summary>
    public int Restarts { get; private set; }

    public static async Task<HandlerProcess> StartAsync(
        string executable, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string> appSettings, ILogger logger,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"The custom handler '{executable}' does not exist: build or publish it first.");
        }

        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(Environment.ExpandEnvironmentVariables(argument));
        }

        foreach (var (name, value) in appSettings)
        {
            start.Environment[name] = value;
        }

        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = $"{port}";
        var handler = new HandlerProcess(start, port, logger);
        await handler.LaunchAsync(cancellationToken);
        return handler;
    }

    /// <summary>Kills the handler as a crash would; it is started again.</summary>
    public void Kill()
    {
        lock (_gate)
        {
            _process?.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Process? process;
        lock (_gate)
        {
            _stopping = true;
            process = _process;
        }

        if (process is not null)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var process = new Process { StartInfo = _start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => Log(line.Data);
        process.ErrorDataReceived += (_, line) => Log(line.Data);
        process.Exited += (_, _) => _ = RestartAsync(process);
        lock (_gate)
        {
            process.Start();
            _process = process;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilListeningAsync(process, cancellationToken);
        _logger.LogInformation("Custom handler started (process {ProcessId}) at {Url}", process.Id, Url);
    }

    private async Task RestartAsync(Process exited)
    {
        lock (_gate)
        {
            if (_stopping || exited != _process)
            {
                return;
            }
        }

        _logger.LogWarning("Custom handler exited with code {ExitCode}: starting it again", exited.ExitCode);
        exited.Dispose();
        Restarts++;
        try
        {
            await LaunchAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            _logger.LogError(exception, "Custom handler could not be started again");
        }
    }

    private async Task WaitUntilListeningAsync(Process process, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, Url.Port, cancellationToken);
                return;
            }
            catch (SocketException) when (!process.HasExited && clock.Elapsed < StartTimeout)
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (SocketException exception)
            {
                throw new InvalidOperationException(
                    process.HasExited ? $"The custom handler exited with code {process.ExitCode} before listening." : $"The custom handler did not listen within {StartTimeout}.",
                    exception);
            }
        }
    }

    private void Log(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            _logger.LogInformation("handler: {Line}", line);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
