using System.Diagnostics;
using SchoolRisk.Cli;
using SchoolRisk.Testing;

namespace SchoolRisk.Functions.Tests.Hosting;

/// <summary>
/// A bad app setting stops the worker when it starts (<c>ValidateOnStart</c>), before it even reaches the Functions
/// host, naming the setting on standard error, which the host logs; it does not leave a worker that fails every invocation.
/// </summary>
public sealed class AppSettingsValidationTests
{
    [Theory]
    [InlineData("Rules__Directory", "/nonexistent/rules", "Rules:Directory")]
    [InlineData("Uploads__MaxRows", "0", "Uploads:MaxRows")]
    [InlineData("Notifications__ReportLinkLifetime", "30.00:00:00", "ReportLinkLifetime")]
    public async Task BadSetting_StopsTheWorkerAtStart_NamingTheSetting(string variable, string value, string named)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = LocalDeployment.FunctionAppPath,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { [variable] = value },
        };

        // The arguments the Functions host passes, to a port nothing listens on: the settings are checked before it is dialled.
        foreach (var argument in new[] { Path.Combine(LocalDeployment.FunctionAppPath, "SchoolRisk.Functions.dll"), "--host", "127.0.0.1", "--port", "1", "--functions-uri", "http://127.0.0.1:1/", "--functions-worker-id", "w", "--functions-request-id", "r" })
        {
            start.ArgumentList.Add(argument);
        }

        using var worker = Process.Start(start)!;
        var output = worker.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = worker.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Poll.DefaultDeadline);
        try
        {
            await worker.WaitForExitAsync(deadline.Token);
        }
        finally
        {
            if (!worker.HasExited)
            {
                worker.Kill(entireProcessTree: true);
            }
        }

        Assert.NotEqual(0, worker.ExitCode);
        var stderr = await error;
        Assert.Contains("OptionsValidationException", stderr, StringComparison.Ordinal);
        Assert.Contains(named, stderr + await output, StringComparison.Ordinal);
        Assert.DoesNotContain("Grpc.Core.RpcException", stderr, StringComparison.Ordinal);
    }
}
