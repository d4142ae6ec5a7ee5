using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SchoolRisk.LocalHost.Processes;

namespace SchoolRisk.LocalHost.NodeTools;

/// <summary>
/// A tool that <c>npm ci</c> installed from the repository's <c>package.json</c> (Azurite, MailDev), run with node on
/// loopback ports. Its output is kept for error messages; disposing it kills the process, and so does the end of the
/// process that started it, however it ends (<see cref="ChildProcesses"/>): a test run or a CLI that crashes leaves no
/// Azurite holding its ports.
/// </summary>
public sealed class NodeToolProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NodeToolProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    /// <param name="repositoryRoot">The folder whose <c>node_modules</c> holds the tool.</param>
    /// <param name="name">The tool's name, for messages.</param>
    /// <param name="script">The tool's script, relative to <c>node_modules</c>.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="environment">Further environment variables.</param>
    /// <exception cref="InvalidOperationException">The tool is not installed or node cannot be started.</exception>
    public static async Task<NodeToolProcess> StartAsync(string repositoryRoot, string name, string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var path = Path.Combine(repositoryRoot, "node_modules", script);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{name} is not installed: run 'npm ci' in {repositoryRoot}.");
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (variable, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[variable] = value;
        }

        var tool = new NodeToolProcess(name, new Process { StartInfo = start });
        tool._process.OutputDataReceived += (_, line) => tool.Append(line.Data);
        tool._process.ErrorDataReceived += (_, line) => tool.Append(line.Data);
        try
        {
            await ChildProcesses.StartAsync(tool._process);
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or IOException)
        {
            throw new InvalidOperationException($"{name} could not be started with node: {exception.Message}", exception);
        }

        tool._process.BeginOutputReadLine();
        tool._process.BeginErrorReadLine();
        return tool;
    }

    /// <summary>Waits until every port accepts connections; fails with the tool's output if it exits or the time runs out.</summary>
    /// <exception cref="PortInUseException">The tool exited because one of the ports was bound already.</exception>
    /// <exception cref="InvalidOperationException">The tool exited for another reason.</exception>
    /// <exception cref="TimeoutException">A port did not accept connections within <paramref name="timeout"/>.</exception>
    public async Task WaitUntilListeningAsync(IEnumerable<int> ports, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        foreach (var port in ports)
        {
            while (!await AcceptsAsync(port, deadline.Token))
            {
                if (_process.HasExited)
                {
                    await OutputReadToEndAsync();
                    var message = $"{Name} exited with code {_process.ExitCode}{OutputSoFar()}";
                    throw message.Contains("EADDRINUSE", StringComparison.Ordinal) ? new PortInUseException(message) : new InvalidOperationException(message);
                }

                if (deadline.IsCancellationRequested)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new TimeoutException($"{Name} did not listen on port {port} within {timeout}{OutputSoFar()}");
                }

                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Asks the tool to stop (SIGINT, as Ctrl+C would: Azurite writes its data out) and waits for it; kills it if it has
    /// not stopped within <paramref name="timeout"/>.
    /// </summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited && !OperatingSystem.IsWindows())
        {
            using var signal = Process.Start(new ProcessStartInfo("kill", ["-INT", $"{_process.Id}"]) { UseShellExecute = false });
            await signal!.WaitForExitAsync();
            using var wait = new CancellationTokenSource(timeout);
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // Did not stop in time: killed below.
            }
        }

        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    /// <summary>
    /// Waits, up to 5 s, until the exited tool's last lines are read: <see cref="Process.HasExited"/> does not wait for
    /// the output readers, and an <c>EADDRINUSE</c> in a line not yet read would not be recognised.
    /// </summary>
    private async Task OutputReadToEndAsync()
    {
        using var drained = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(drained.Token);
        }
        catch (OperationCanceledException) when (drained.IsCancellationRequested)
        {
            // A process the tool started holds the output open: the message says what was read.
        }
    }

    /// <summary>What the tool printed, after a colon, for the end of a message; " (it printed nothing)" when it printed nothing.</summary>
    private string OutputSoFar()
    {
        lock (_output)
        {
            return _output.Length == 0 ? " (it printed nothing)" : $": {_output}";
        }
    }
}
