using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Azure.Storage.Queues;
using SchoolRisk.LocalHost.Configuration;
using SchoolRisk.LocalHost.Tests.Support;
using SchoolRisk.Testing;

namespace SchoolRisk.LocalHost.Tests.Worker;

/// <summary>
/// The worker process under the local host: a killed worker is started again and the message it was running is
/// retried; an invocation past <c>functionTimeout</c> is cancelled in the worker and fails; no worker outlives its host,
/// whether the host stops, is disposed, or is killed.
/// </summary>
public sealed partial class WorkerLifecycleTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private QueueServiceClient Queues => new(azurite.ConnectionString);

    [Fact]
    public async Task KilledWorker_FailsTheInvocationInFlight_IsStartedAgain_AndTheMessageIsRetriedOnTheNewWorker()
    {
        await using var run = await ContractHost.StartAsync(azurite.ConnectionString);
        var first = run.Host.Worker.ProcessId!.Value;

        await Queues.GetQueueClient("hold-in").SendMessageAsync(Testing.Queues.Encode("killed", base64: true), TestContext.Current.CancellationToken);
        await run.LogAsync(entry => entry.Message == "Holding killed", "the invocation to be running in the worker");
        run.Host.Worker.Kill();
        var answered = await Testing.Queues.WaitForAsync(Queues.GetQueueClient("hold-out"), 1);

        Assert.Equal(["killed:2"], answered);
        Assert.True(run.Host.Worker.Restarts >= 1);
        Assert.NotEqual(first, run.Host.Worker.ProcessId);
        Assert.True(HasExited(first));
        Assert.Contains(run.Logs.Entries, entry => entry.Category == "Function.Hold" && entry.Message.Contains("failed (WorkerUnavailable)", StringComparison.Ordinal));
        await Queues.GetQueueClient("hold-out").ClearMessagesAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task RequestWhileTheWorkerIsStartedAgain_WaitsForTheNewWorker_AsTheFunctionsHostDoes()
    {
        await using var run = await ContractHost.StartAsync(azurite.ConnectionString);
        using var http = new HttpClient { BaseAddress = run.Host.HttpUrl };

        run.Host.Worker.Kill();
        await Poll.UntilAsync(() => Task.FromResult(run.Host.Worker.ProcessId), id => id is null, "the host to see the worker gone");
        using var response = await http.GetAsync("api/open/anyone", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(run.Host.Worker.Restarts >= 1);
    }

    [Fact]
    public async Task InvocationPastFunctionTimeout_IsCancelledInTheWorker_FailsAndIsRetried()
    {
        await using var run = await ContractHost.StartAsync(
            azurite.ConnectionString, new Dictionary<string, string> { [$"{HostJson.OverridePrefix}functionTimeout"] = "00:00:02" });

        await Queues.GetQueueClient("hold-in").SendMessageAsync(Testing.Queues.Encode("slow", base64: true), TestContext.Current.CancellationToken);
        var answered = await Testing.Queues.WaitForAsync(Queues.GetQueueClient("hold-out"), 1);

        Assert.Equal(["slow:2"], answered);
        Assert.Contains(run.Logs.Entries, entry => entry.Category == "Function.Hold.User" && entry.Message == "Hold of slow cancelled");
        var failure = Assert.Single(run.Logs.Entries, entry => entry.Category == "Function.Hold" && entry.Message.Contains("failed (TimedOut)", StringComparison.Ordinal));
        Assert.Contains("Timeout value of 00:00:02 exceeded by function 'Hold'", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, run.Host.Worker.Restarts);
        await Queues.GetQueueClient("hold-out").ClearMessagesAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task StoppedHost_LeavesNoWorker_NorDoesADisposedOne()
    {
        var stopped = await ContractHost.StartAsync(azurite.ConnectionString);
        var first = stopped.Host.Worker.ProcessId!.Value;
        await stopped.DisposeAsync();

        await using var disposed = await ContractHost.StartAsync(azurite.ConnectionString);
        var second = disposed.Host.Worker.ProcessId!.Value;
        disposed.Host.Dispose();

        Assert.True(HasExited(first));
        await Poll.UntilAsync(() => Task.FromResult(HasExited(second)), exited => exited, $"worker process {second} to be gone");
    }

    [Fact]
    public async Task KilledHostProcess_TakesItsWorkerWithIt()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The kernel's parent-death signal (setpriv --pdeathsig) is Linux's.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "SchoolRisk.LocalHost.dll"), "--ScriptRoot", ContractHost.AppFolder,
            "--AzureWebJobsStorage", azurite.ConnectionString, "--HttpPort", "0",
            "--Values:StringOutQueue", "string-out", "--Values:CopyFolder", "copies",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var host = Process.Start(start)!;
        var worker = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null && WorkerStarted().Match(line.Data) is { Success: true } match)
            {
                worker.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            var workerId = await worker.Task.WaitAsync(Poll.DefaultDeadline, TestContext.Current.CancellationToken);
            host.Kill();

            await Poll.UntilAsync(() => Task.FromResult(HasExited(workerId)), exited => exited, $"worker process {workerId} to die with its host");
        }
        finally
        {
            host.Kill(entireProcessTree: true);
        }
    }

    [GeneratedRegex(@"Worker started \(process (\d+)\)")]
    private static partial Regex WorkerStarted();

    private static bool HasExited(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
