using BenchmarkDotNet.Running;
using SchoolRisk.Benchmarks;
using SchoolRisk.Benchmarks.Evaluation;
using SchoolRisk.Benchmarks.Pipeline;
using SchoolRisk.Benchmarks.Rules;
using SchoolRisk.Benchmarks.Storage;

// dotnet run -c Release --project benchmarks/SchoolRisk.Benchmarks -- memory [rows]   peak memory per upload form
// dotnet run -c Release --project benchmarks/SchoolRisk.Benchmarks -- speed            BenchmarkDotNet: time and allocations
// dotnet run -c Release --project benchmarks/SchoolRisk.Benchmarks -- validation       BenchmarkDotNet: validating the repository's rules and hostile candidates
// dotnet run -c Release --project benchmarks/SchoolRisk.Benchmarks -- evaluation [n]   the project's evaluator against naive RulesEngine
// dotnet run -c Release --project benchmarks/SchoolRisk.Benchmarks -- writes [n]       result writes to Azurite against a raw batch loop
// dotnet run -c Release --project benchmarks/SchoolRisk.Benchmarks -- latency [n]      a municipality's uploads through the local host: p50, p95
// dotnet run -c Release --project benchmarks/SchoolRisk.Benchmarks -- reevaluation [n] a stored period re-evaluated against raw writes
// dotnet run -c Release --project benchmarks/SchoolRisk.Benchmarks -- scaleout [m]     m municipalities uploading at once, one instance then two
Spectre.Console.AnsiConsole.Profile.Width = 160;
return args switch
{
    ["memory", var rows] => await Run(() => PeakMemory.RunAsync(int.Parse(rows, System.Globalization.CultureInfo.InvariantCulture))),
    ["memory"] => await Run(() => PeakMemory.RunAsync(50_000)),
    ["memory-child", var folder, var file] => await PeakMemory.ChildAsync(folder, file),
    ["evaluation", var schools] => await RuleEvaluationComparison.RunAsync(int.Parse(schools, System.Globalization.CultureInfo.InvariantCulture)),
    ["evaluation"] => await RuleEvaluationComparison.RunAsync(NationalData.Schools),
    ["evaluation-child", var evaluator, var schools] => await RuleEvaluationComparison.ChildAsync(evaluator, int.Parse(schools, System.Globalization.CultureInfo.InvariantCulture)),
    ["writes", var schools] => await ResultWriteComparison.RunAsync(int.Parse(schools, System.Globalization.CultureInfo.InvariantCulture)),
    ["writes"] => await ResultWriteComparison.RunAsync(NationalData.Schools),
    ["latency", var uploads] => await MunicipalLatency.RunAsync(int.Parse(uploads, System.Globalization.CultureInfo.InvariantCulture)),
    ["latency"] => await MunicipalLatency.RunAsync(20),
    ["reevaluation", var schools] => await ReevaluationComparison.RunAsync(int.Parse(schools, System.Globalization.CultureInfo.InvariantCulture)),
    ["reevaluation"] => await ReevaluationComparison.RunAsync(NationalData.Schools),
    ["scaleout", var municipalities] => await ScaleOut.RunAsync(int.Parse(municipalities, System.Globalization.CultureInfo.InvariantCulture)),
    ["scaleout"] => await ScaleOut.RunAsync(ScaleOut.DefaultMunicipalities),
    ["speed", .. var rest] => Summary(BenchmarkRunner.Run<UploadReadingBenchmarks>(args: rest)),
    ["validation", .. var rest] => Summary(BenchmarkRunner.Run<RuleValidationBenchmarks>(args: rest)),
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
    Console.Error.WriteLine("usage: memory [rows] | speed | validation | evaluation [schools] | writes [schools] | latency [uploads] | reevaluation [schools] | scaleout [municipalities]");
    return 2;
}
