using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace SchoolRisk.Integration.Tests.Support;

/// <summary>
/// A custom handler started as the Functions host starts one (the executable, <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> and
/// the app settings in its environment), for the package test; killed on dispose.
/// </summary>
public sealed class CustomHandlerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private CustomHandlerProcess(Process process, int port)
    {
        _process = process;
        Url = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Url { get; }

    public static async Task<CustomHandlerProcess> StartAsync(
        string executable, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string> appSettings, ILogger logger,
        CancellationToken cancellationToken)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(executable) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in appSettings)
        {
            start.Environment[name] = value;
        }

        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = $"{port}";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        process.OutputDataReceived += (_, line) => logger.LogInformation("handler: {Line}", line.Data);
        process.ErrorDataReceived += (_, line) => logger.LogInformation("handler: {Line}", line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var handler = new CustomHandlerProcess(process, port);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return handler;
            }
            catch (SocketException) when (!process.HasExited && clock.Elapsed < StartTimeout)
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (SocketException exception)
            {
                await handler.DisposeAsync();
                throw new InvalidOperationException($"The custom handler did not listen on {port} within {StartTimeout}.", exception);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
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
