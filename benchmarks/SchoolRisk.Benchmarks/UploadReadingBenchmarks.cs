using BenchmarkDotNet.Attributes;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Benchmarks;

/// <summary>Time and allocations of reading, checking and evaluating a 50,000-row upload, per file form.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class UploadReadingBenchmarks
{
    private string _folder = string.Empty;
    private SchoolRegistry _registry = null!;
    private SchoolEvaluator _evaluator = null!;

    [Params(50_000)]
    public int Rows { get; set; }

    [ParamsSource(nameof(Files))]
    public string File { get; set; } = string.Empty;

    public static IEnumerable<string> Files => BenchmarkData.Forms.Select(form => form.File);

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = await BenchmarkData.WriteAsync(Rows, Path.Combine(Path.GetTempPath(), $"schoolrisk-bench-{Rows}"));
        _registry = await BenchmarkData.RegistryAsync(_folder);
        _evaluator = await BenchmarkData.EvaluatorAsync(Repository.Rules);
    }

    [Benchmark]
    public Task<int> ReadCheckEvaluate() => BenchmarkData.ReadAndEvaluateAsync(Path.Combine(_folder, File), _registry, _evaluator);
}
