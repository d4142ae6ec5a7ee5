using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace SchoolRisk.Benchmarks;

/// <summary>
/// Peak memory of processing one upload, each form in a fresh process, against a baseline process that only loads the
/// registry and rules. The peak is the process's resident set high-water mark (VmHWM), which includes the runtime.
/// </summary>
public static class PeakMemory
{
    public static async Task RunAsync(int rows)
    {
        var folder = await BenchmarkData.WriteAsync(rows, Path.Combine(Path.GetTempPath(), $"schoolrisk-memory-{rows}"));
        var table = new Table().Title($"Processing one upload of {rows:N0} rows (read as a stream, check, evaluate, keep evaluations)")
            .AddColumn("form").AddColumn("file", c => c.RightAligned()).AddColumn("time", c => c.RightAligned())
            .AddColumn("peak RSS", c => c.RightAligned()).AddColumn("over baseline", c => c.RightAligned()).AddColumn("allocated", c => c.RightAligned());
        var baseline = await MeasureAsync(folder, "none");
        table.AddRow("baseline: registry and rules only", "—", "—", Mb(baseline.PeakBytes), "—", Mb(baseline.AllocatedBytes));
        foreach (var (name, file) in BenchmarkData.Forms)
        {
            var run = await MeasureAsync(folder, file);
            table.AddRow(name, Mb(new FileInfo(Path.Combine(folder, file)).Length), $"{run.Elapsed.TotalSeconds:0.00} s",
                Mb(run.PeakBytes), Mb(run.PeakBytes - baseline.PeakBytes), Mb(run.AllocatedBytes));
        }

        AnsiConsole.Write(table);
    }

    /// <summary>The child process: processes one file (or none) and prints its figures.</summary>
    public static async Task<int> ChildAsync(string folder, string file)
    {
        var registry = await BenchmarkData.RegistryAsync(folder);
        var evaluator = await BenchmarkData.EvaluatorAsync(Repository.Rules);
        var clock = Stopwatch.StartNew();
        var rows = file == "none" ? 0 : await BenchmarkData.ReadAndEvaluateAsync(Path.Combine(folder, file), registry, evaluator);
        Console.WriteLine(string.Join(' ', rows, clock.ElapsedMilliseconds, PeakResidentBytes(), GC.GetTotalAllocatedBytes()));
        return 0;
    }

    private static async Task<(TimeSpan Elapsed, long PeakBytes, long AllocatedBytes)> MeasureAsync(string folder, string file)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        foreach (var argument in new[] { "memory-child", folder, file })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Measuring {file} failed (exit {process.ExitCode}): {error}");
        }

        var figures = output.Trim().Split(' ').Select(long.Parse).ToArray();
        return (TimeSpan.FromMilliseconds(figures[1]), figures[2], figures[3]);
    }

    private static long PeakResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024):0.0} MiB";
}
