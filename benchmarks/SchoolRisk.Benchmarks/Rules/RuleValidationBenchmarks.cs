using BenchmarkDotNet.Attributes;
using SchoolRisk.Domain.Evaluation;

namespace SchoolRisk.Benchmarks.Rules;

/// <summary>
/// Time and allocations of validating a rule set as an activation does: the repository's own (what every activation and
/// preview costs), and hostile candidates refused by the limits before anything parses (the work an attacker can cause).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class RuleValidationBenchmarks
{
    private IReadOnlyList<RuleFile> _repository = [];
    private IReadOnlyList<RuleFile> _deepNesting = [];
    private IReadOnlyList<RuleFile> _manyRules = [];
    private IReadOnlyList<RuleFile> _hugeFile = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _repository = await RuleFiles.ReadDirectoryAsync(Benchmarks.Repository.Rules);
        var exams = _repository.Single(file => file.Name == "exams.json");
        _deepNesting = With(exams with { Json = exams.Json.Replace("input1.EgeBelowMinShare >= threshold", new string('(', 5000) + "input1.EgeBelowMinShare >= threshold" + new string(')', 5000), StringComparison.Ordinal) });
        _manyRules = With(exams with
        {
            Json = exams.Json.Replace("\"Rules\": [", "\"Rules\": [" + string.Concat(Enumerable.Range(0, 10_000).Select(i =>
            $$"""{ "RuleName": "r{{i}}", "Properties": { "Indicator": "ege_below_min_share", "Zone": "high", "Threshold": 10 }, "Expression": "input1.EgeBelowMinShare >= threshold" },""")), StringComparison.Ordinal)
        });
        _hugeFile = With(exams with { Json = exams.Json.Replace("\"WorkflowName\"", "\"Note\": \"" + new string('я', 15 * 1024 * 1024) + "\", \"WorkflowName\"", StringComparison.Ordinal) });
    }

    /// <summary>The repository's 15 files: shape, expressions, compilation and every test case.</summary>
    [Benchmark(Baseline = true)]
    public Task<RuleSetValidation> RepositoryRules() => RuleSetValidation.ValidateAsync(_repository);

    /// <summary>An expression in 5 000 brackets: refused by the expression limits before the parser.</summary>
    [Benchmark]
    public Task<RuleSetValidation> DeepNesting() => RuleSetValidation.ValidateAsync(_deepNesting);

    /// <summary>10 000 rules in one file (1.6 MB): refused by the file's size before it is parsed.</summary>
    [Benchmark]
    public Task<RuleSetValidation> TenThousandRules() => RuleSetValidation.ValidateAsync(_manyRules);

    /// <summary>A 30 MB file: refused by its size.</summary>
    [Benchmark]
    public Task<RuleSetValidation> ThirtyMegabytes() => RuleSetValidation.ValidateAsync(_hugeFile);

    private IReadOnlyList<RuleFile> With(RuleFile changed) => [.. _repository.Where(file => file.Name != changed.Name), changed];
}
