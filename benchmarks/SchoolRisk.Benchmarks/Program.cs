using BenchmarkDotNet.Running;
using SchoolRisk.Benchmarks;

// dotnet run -c Release --project benchmarks/SchoolRisk.Benchmarks -- memory [rows]   peak memory per upload form
// dotnet run -c Release --project benchmarks/SchoolRisk.Benchmarks -- speed            BenchmarkDotNet: time and allocations
return args switch
{
    ["memory", var rows] => await Run(() => PeakMemory.RunAsync(int.Parse(rows, System.Globalization.CultureInfo.InvariantCulture))),
    ["memory"] => await Run(() => PeakMemory.RunAsync(50_000)),
    ["memory-child", var folder, var file] => await PeakMemory.ChildAsync(folder, file),
    ["speed", .. var rest] => Summary(BenchmarkRunner.Run<UploadReadingBenchmarks>(args: rest)),
    _ => Usage(),
};

static async Task<int> Run(Func<Task> run)
{
    await run();
    return 0;
}

static int Summary(BenchmarkDotNet.Reports.Summary summary) => summary.HasCriticalValidationErrors ? 1 : 0;

static int Usage()
{
    Console.Error.WriteLine("usage: memory [rows] | speed");
    return 2;
}
