using System.Diagnostics;
using System.Text;

namespace SchoolRisk.Testing;

/// <summary>Runs the <c>schoolrisk</c> program built next to the tests, as an administrator or a municipal specialist runs it.</summary>
public static class CliProcess
{
    /// <summary>Its exit code and what it printed (standard output, then standard error).</summary>
    public static Task<(int Exit, string Output)> RunAsync(params string[] arguments) => RunAsync(new Dictionary<string, string>(), arguments);

    /// <summary>Its exit code and what it printed, run with <paramref name="environment"/> set as well.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "schoolrisk.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["COLUMNS"] = "400";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }
}
