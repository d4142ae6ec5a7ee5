using System.Dynamic;
using System.Globalization;
using System.Text.Json;
using RulesEngine.Models;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Benchmarks.Evaluation;

/// <summary>
/// The baseline of issue 9: RulesEngine used the obvious way. One engine with the zone workflows (each rule's
/// <c>Threshold</c> given as a <c>threshold</c> local parameter, as the rules expect), <c>ExecuteAllRulesAsync</c> per
/// school per workflow with the school as an <see cref="ExpandoObject"/>, and every result tree kept until the batch is
/// done, when the zones are read from them.
/// </summary>
public sealed class NaiveRulesEngineEvaluator
{
    private static readonly JsonSerializerOptions WorkflowJson = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly RulesEngine.RulesEngine _engine;
    private readonly IReadOnlyList<string> _workflows;

    private NaiveRulesEngineEvaluator(RulesEngine.RulesEngine engine, IReadOnlyList<string> workflows)
    {
        _engine = engine;
        _workflows = workflows;
    }

    /// <summary>The zone workflows of <paramref name="files"/> (those <see cref="RuleSet"/> treats as zone workflows).</summary>
    public static async Task<NaiveRulesEngineEvaluator> LoadAsync(IReadOnlyList<RuleFile> files)
    {
        var zoneWorkflows = (await RuleSet.LoadAsync(files)).WorkflowNames.ToHashSet(StringComparer.Ordinal);
        var workflows = files
            .Select(file => JsonSerializer.Deserialize<Workflow>(file.Json, WorkflowJson)!)
            .Where(workflow => zoneWorkflows.Contains(workflow.WorkflowName))
            .ToList();
        foreach (var rule in workflows.SelectMany(workflow => workflow.Rules))
        {
            var threshold = ((JsonElement)rule.Properties["Threshold"]).GetDecimal();
            rule.LocalParams = [new ScopedParam { Name = RuleSet.ThresholdParameter, Expression = threshold.ToString(CultureInfo.InvariantCulture) + "m" }];
        }

        return new NaiveRulesEngineEvaluator(new RulesEngine.RulesEngine([.. workflows], new ReSettings()), [.. workflows.Select(workflow => workflow.WorkflowName)]);
    }

    /// <summary>Every school's overall zone, read from the result trees once the whole batch has run.</summary>
    public async Task<IReadOnlyList<Zone>> EvaluateAsync(IReadOnlyList<SchoolRow> schools)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var trees = new List<List<RuleResultTree>>(schools.Count);
        foreach (var school in schools)
        {
            var input = Expando(school.Indicators);
            var results = new List<RuleResultTree>();
            foreach (var workflow in _workflows)
            {
                results.AddRange(await _engine.ExecuteAllRulesAsync(workflow, input));
            }

            trees.Add(results);
        }

        return [.. trees.Select(results => OverallZonePolicy.Default.Derive(results
            .Where(result => result.IsSuccess)
            .GroupBy(result => ((JsonElement)result.Rule.Properties["Indicator"]).GetString())
            .Select(indicator => indicator.Max(result => ZoneNames.TryParse(((JsonElement)result.Rule.Properties["Zone"]).GetString(), out var zone) ? zone : Zone.None))))];
    }

    private static ExpandoObject Expando(SchoolIndicators indicators)
    {
        var input = new ExpandoObject();
        foreach (var indicator in IndicatorCatalog.All)
        {
            input.TryAdd(indicator.PropertyName, indicator.ValueOf(indicators));
        }

        return input;
    }
}
