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
        table.AddRow("baseline: registry and rules only", "—", "—", Child.Mb(baseline.PeakBytes), "—", Child.Mb(baseline.AllocatedBytes));
        foreach (var (name, file) in BenchmarkData.Forms)
        {
            var run = await MeasureAsync(folder, file);
            table.AddRow(name, Child.Mb(new FileInfo(Path.Combine(folder, file)).Length), $"{run.Elapsed.TotalSeconds:0.00} s",
                Child.Mb(run.PeakBytes), Child.Mb(run.PeakBytes - baseline.PeakBytes), Child.Mb(run.AllocatedBytes));
        }

        AnsiConsole.Write(table);
    }

    /// <summary>The child process: processes one file (or none) and reports its figures.</summary>
    public static async Task<int> ChildAsync(string folder, string file)
    {
        var registry = await BenchmarkData.RegistryAsync(folder);
        var evaluator = await BenchmarkData.EvaluatorAsync(Repository.Rules);
        var clock = Stopwatch.StartNew();
        var rows = file == "none" ? 0 : await BenchmarkData.ReadAndEvaluateAsync(Path.Combine(folder, file), registry, evaluator);
        Child.Report(clock.Elapsed, rows.ToString(CultureInfo.InvariantCulture));
        return 0;
    }

    private static async Task<(TimeSpan Elapsed, long PeakBytes, long AllocatedBytes)> MeasureAsync(string folder, string file)
    {
        var figures = await Child.RunAsync("memory-child", folder, file);
        return (figures.Elapsed, figures.PeakBytes, figures.AllocatedBytes);
    }
}
