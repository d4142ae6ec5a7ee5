using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Zones;
using Spectre.Console;

namespace SchoolRisk.Benchmarks.Evaluation;

/// <summary>
/// The project's evaluator against the naive use of RulesEngine, on the same national schools and the repository's
/// rules, each in a fresh process so its peak memory is its own: time, rule evaluations per second, peak resident set,
/// allocations, and a hash of every school's zone (the two must be equal).
/// </summary>
public static class RuleEvaluationComparison
{
    public static async Task<int> RunAsync(int schools)
    {
        var naive = await Child.RunAsync("evaluation-child", "naive", schools.ToString(CultureInfo.InvariantCulture));
        var project = await Child.RunAsync("evaluation-child", "project", schools.ToString(CultureInfo.InvariantCulture));
        var rules = (await RuleSet.LoadAsync(await RuleFiles.ReadDirectoryAsync(Repository.Rules))).ZoneRules.Count();
        var table = new Table().Title($"Rule evaluation: {schools:N0} schools × {rules} zone rules, the repository's rules, one thread")
            .AddColumn("evaluator").AddColumn("time", Right).AddColumn("rule evaluations/s", Right).AddColumn("× naive", Right)
            .AddColumn("peak RSS", Right).AddColumn("allocated", Right).AddColumn("zones high/medium/none");
        foreach (var (name, run) in new[] { ("naive RulesEngine (ExpandoObject, ExecuteAllRulesAsync, trees kept)", naive), ("project (rules compiled once, findings only)", project) })
        {
            table.AddRow(name, $"{run.Elapsed.TotalSeconds:0.00} s", $"{(long)schools * rules / run.Elapsed.TotalSeconds:N0}",
                $"{naive.Elapsed / run.Elapsed:0.0}×", Child.Mb(run.PeakBytes), Child.Mb(run.AllocatedBytes), run.Extra[1]);
        }

        AnsiConsole.Write(table);
        var identical = naive.Extra[0] == project.Extra[0];
        AnsiConsole.MarkupLine(identical ? "[green]Identical zones for every school.[/]" : "[red]The zones differ.[/]");
        return identical ? 0 : 1;
    }

    /// <summary>The child process: evaluates the schools one way and prints time, peak memory, allocations, the zones' hash and counts.</summary>
    public static async Task<int> ChildAsync(string evaluator, int count)
    {
        var files = await RuleFiles.ReadDirectoryAsync(Repository.Rules);
        var schools = NationalData.Generate((await RuleSet.LoadAsync(files)).ZoneRules, count).Select(pair => pair.School).ToList();
        IReadOnlyList<Zone> zones;
        Stopwatch clock;
        if (evaluator == "naive")
        {
            var naive = await NaiveRulesEngineEvaluator.LoadAsync(files);
            clock = Stopwatch.StartNew();
            zones = await naive.EvaluateAsync(schools);
        }
        else
        {
            var project = new SchoolEvaluator(await RuleSet.LoadAsync(files), OverallZonePolicy.Default);
            clock = Stopwatch.StartNew();
            zones = [.. schools.Select(project.Evaluate).ToList().Select(evaluation => evaluation.OverallZone)];
        }

        var elapsed = clock.Elapsed;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(zones.Select(zone => (int)zone)))))[..16];
        var counts = $"{zones.Count(z => z == Zone.High)}/{zones.Count(z => z == Zone.Medium)}/{zones.Count(z => z == Zone.None)}";
        Child.Report(elapsed, hash, counts);
        return 0;
    }

    private static void Right(TableColumn column) => column.RightAligned();
}
