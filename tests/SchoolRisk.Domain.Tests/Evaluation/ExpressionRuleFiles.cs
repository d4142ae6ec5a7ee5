using System.Globalization;
using System.Text.Json;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Tests.Evaluation;

/// <summary>One-rule files around an expression, loaded as the product loads rules, and schools at the edges of every unit.</summary>
internal static class ExpressionRuleFiles
{
    /// <summary>The file and rule a refusal of <see cref="ZoneFile(string, decimal)"/>'s expression names first.</summary>
    public const string ZoneRefusal = "exams.json, правило «ege_below_min_share.high»: ";

    /// <summary>A zone rule on ege_below_min_share (high from <paramref name="threshold"/>) with <paramref name="expression"/>.</summary>
    public static RuleFile ZoneFile(string expression, decimal threshold = 10) => new("exams.json", $$"""
        { "WorkflowName": "exams",
          "Rules": [ { "RuleName": "ege_below_min_share.high",
                       "Properties": { "Indicator": "ege_below_min_share", "Zone": "high", "Threshold": {{threshold.ToString(CultureInfo.InvariantCulture)}} },
                       "Expression": {{JsonSerializer.Serialize(expression)}} } ] }
        """);

    /// <summary>Zone rules named as given, each on ege_below_min_share (high from 10), in one workflow.</summary>
    public static RuleFile ZoneFile(IEnumerable<(string Name, string Expression)> rules) => new("exams.json", $$"""
        { "WorkflowName": "exams",
          "Rules": [ {{string.Join(",\n", rules.Select(rule => $$"""
            { "RuleName": "{{rule.Name}}", "Properties": { "Indicator": "ege_below_min_share", "Zone": "high", "Threshold": 10 },
              "Expression": {{JsonSerializer.Serialize(rule.Expression)}} }
            """))}} ] }
        """);

    /// <summary>
    /// The classification workflow with <paramref name="expression"/> deciding low results (parameters
    /// <c>percentile</c> 10 and <c>share</c> 50) and the other classifications never.
    /// </summary>
    public static RuleFile ClassificationFile(string expression) => new("classifications.json", $$"""
        { "WorkflowName": "classifications",
          "Rules": [
            { "RuleName": "low_results", "Properties": { "Classification": "low_results", "Parameters": { "percentile": 10, "share": 50 } },
              "Expression": {{JsonSerializer.Serialize(expression)}} },
            { "RuleName": "high_results", "Properties": { "Classification": "high_results" }, "Expression": "false" },
            { "RuleName": "unfavourable_conditions", "Properties": { "Classification": "unfavourable_conditions" }, "Expression": "false" },
            { "RuleName": "non_objective", "Properties": { "Classification": "non_objective" }, "Expression": "false" },
            { "RuleName": "leader_effective", "Properties": { "Classification": "leader_effective" }, "Expression": "false" } ] }
        """);

    /// <summary>A one-item rubric whose single band (totals 0–2, <c>from</c> 0, <c>to</c> 2) is <paramref name="expression"/>.</summary>
    public static RuleFile RubricFile(string expression) => new("rubric.json", $$"""
        { "WorkflowName": "rubric",
          "Rubric": { "Title": "Проверка", "Level": "municipality", "Items": 1 },
          "Rules": [ { "RuleName": "all", "Properties": { "Band": "all", "Zone": "none", "From": 0, "To": 2 },
                       "Expression": {{JsonSerializer.Serialize(expression)}} } ] }
        """);

    /// <summary>The message a load of <paramref name="file"/> is refused with; <c>null</c> when it loads.</summary>
    public static async Task<string?> ProblemAsync(RuleFile file)
    {
        try
        {
            await RuleSet.LoadAsync([file], TestContext.Current.CancellationToken);
            return null;
        }
        catch (RuleSetException exception)
        {
            return exception.Message;
        }
    }

    /// <summary>
    /// Schools at the edges: every value missing, every value 0, every value the smallest positive decimal (1 for a flag
    /// or a zone, which are whole), every value at its unit's maximum (100 for a share, 1 for an index or a flag, 2 for
    /// a zone, <see cref="decimal.MaxValue"/> for a count or a rate).
    /// </summary>
    public static IEnumerable<SchoolRow> EdgeSchools()
    {
        yield return School(_ => null);
        yield return School(_ => 0m);
        yield return School(indicator => IsWhole(indicator.Unit) ? 1m : 0.0000000000000000000000000001m);
        yield return School(indicator => MaxOf(indicator.Unit));
    }

    /// <summary>Whether values of this unit are whole numbers: flags and zones (uploads refuse 0.5 for them).</summary>
    public static bool IsWhole(IndicatorUnit unit) => unit is IndicatorUnit.Flag or IndicatorUnit.Zone;

    /// <summary>The largest value an upload may give an indicator of this unit (<see cref="IndicatorUnits.TryParse"/>).</summary>
    public static decimal MaxOf(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => 100m,
        IndicatorUnit.Index or IndicatorUnit.Flag => 1m,
        IndicatorUnit.Zone => 2m,
        _ => decimal.MaxValue,
    };

    public static SchoolRow School(Func<Indicator, decimal?> value) =>
        new(2, SchoolId.Parse("gatchinsky-001"), "Школа", SchoolIndicators.Create(IndicatorCatalog.All.Select(indicator => KeyValuePair.Create(indicator, value(indicator)))));
}
