using System.Diagnostics;
using System.Globalization;

namespace SchoolRisk.Benchmarks;

/// <summary>A measurement in a fresh process of this program, so its peak memory is its own.</summary>
public static class Child
{
    public sealed record Figures(TimeSpan Elapsed, long PeakBytes, long AllocatedBytes, IReadOnlyList<string> Extra);

    /// <summary>Runs this program with <paramref name="arguments"/>; the child ends with <see cref="Report"/>.</summary>
    public static async Task<Figures> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', arguments)} failed (exit {process.ExitCode}): {await error}");
        }

        var figures = (await output).Trim().Split('\n')[^1].Split(' ');
        return new Figures(
            TimeSpan.FromMilliseconds(double.Parse(figures[0], CultureInfo.InvariantCulture)),
            long.Parse(figures[1], CultureInfo.InvariantCulture),
            long.Parse(figures[2], CultureInfo.InvariantCulture),
            figures[3..]);
    }

    /// <summary>The child's last line: elapsed milliseconds, peak resident set (VmHWM), bytes allocated, then <paramref name="extra"/> (no spaces).</summary>
    public static void Report(TimeSpan elapsed, params string[] extra) =>
        Console.WriteLine(string.Join(' ', [elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture), PeakResidentBytes().ToString(CultureInfo.InvariantCulture),
            GC.GetTotalAllocatedBytes().ToString(CultureInfo.InvariantCulture), .. extra]));

    public static string Mb(long bytes) => $"{bytes / (1024.0 * 1024):0.0} MiB";

    private static long PeakResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
