using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RulesEngine.Models;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// A validated, compiled set of rule files: one RulesEngine workflow per indicator block.
/// Immutable once loaded; a new version of the rules is a new <see cref="RuleSet"/>.
/// </summary>
/// <remarks>
/// Every rule states what it means in <c>Properties</c>: <c>Indicator</c> (an id from <see cref="IndicatorCatalog"/>),
/// <c>Zone</c> (<c>medium</c> or <c>high</c>) and <c>Threshold</c> (a JSON number). The loader turns
/// <c>Threshold</c> into a decimal local parameter named <c>threshold</c>, so an administrator edits a number and the
/// expression (<c>input1.EgeBelowMinShare &gt;= threshold</c>) compares decimals exactly.
/// </remarks>
public sealed class RuleSet
{
    /// <summary>The name of the local parameter that carries a rule's threshold into its expression.</summary>
    public const string ThresholdParameter = "threshold";

    private static readonly JsonSerializerOptions WorkflowJson = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly ReSettings EngineSettings = new()
    {
        EnableFormattedErrorMessage = false,
        UseFastExpressionCompiler = false,
    };

    private readonly RulesEngine.RulesEngine _engine;
    private readonly Dictionary<(string Workflow, string Rule), ZoneRule> _zoneRules;

    private RuleSet(string version, RulesEngine.RulesEngine engine, IReadOnlyList<string> workflowNames,
        Dictionary<(string Workflow, string Rule), ZoneRule> zoneRules)
    {
        Version = version;
        _engine = engine;
        WorkflowNames = workflowNames;
        _zoneRules = zoneRules;
    }

    /// <summary>Content hash of the rule files (12 hex digits): recorded with every result it produced.</summary>
    public string Version { get; }

    public IReadOnlyList<string> WorkflowNames { get; }

    public IEnumerable<ZoneRule> ZoneRules => _zoneRules.Values;

    /// <summary>Parses, checks and compiles rule files. Throws <see cref="RuleSetException"/> naming the file and rule at fault.</summary>
    public static async Task<RuleSet> LoadAsync(IEnumerable<RuleFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var ordered = files.OrderBy(file => file.Name, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0)
        {
            throw new RuleSetException("No rule files: at least one workflow is needed.");
        }

        var workflows = new List<Workflow>();
        var zoneRules = new Dictionary<(string, string), ZoneRule>();
        var fileOfWorkflow = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in ordered)
        {
            var workflow = Parse(file);
            if (!fileOfWorkflow.TryAdd(workflow.WorkflowName, file.Name))
            {
                throw new RuleSetException(
                    $"{file.Name}: workflow '{workflow.WorkflowName}' is also defined in {fileOfWorkflow[workflow.WorkflowName]}.");
            }

            foreach (var rule in workflow.Rules)
            {
                var zoneRule = ReadZoneRule(file.Name, workflow.WorkflowName, rule);
                rule.LocalParams = [.. rule.LocalParams ?? [], ThresholdParam(zoneRule.Threshold)];
                zoneRules.Add((workflow.WorkflowName, rule.RuleName), zoneRule);
            }

            workflows.Add(workflow);
        }

        var engine = new RulesEngine.RulesEngine([.. workflows], EngineSettings);
        var ruleSet = new RuleSet(Hash(ordered), engine, [.. workflows.Select(w => w.WorkflowName)], zoneRules);
        await ruleSet.CompileAllAsync(fileOfWorkflow, cancellationToken);
        return ruleSet;
    }

    internal ZoneRule ZoneRuleOf(string workflowName, string ruleName) => _zoneRules[(workflowName, ruleName)];

    internal async Task<List<RuleResultTree>> ExecuteAsync(string workflowName, SchoolIndicators input) =>
        await _engine.ExecuteAllRulesAsync(workflowName, input);

    private static Workflow Parse(RuleFile file)
    {
        Workflow? workflow;
        try
        {
            workflow = JsonSerializer.Deserialize<Workflow>(file.Json, WorkflowJson);
        }
        catch (JsonException exception)
        {
            throw new RuleSetException(
                $"{file.Name}: not valid workflow JSON at line {exception.LineNumber + 1}: {exception.Message}", exception);
        }

        if (workflow is null || string.IsNullOrWhiteSpace(workflow.WorkflowName))
        {
            throw new RuleSetException($"{file.Name}: 'WorkflowName' is missing (keys are PascalCase).");
        }

        var rules = workflow.Rules?.ToList() ?? [];
        if (rules.Count == 0)
        {
            throw new RuleSetException($"{file.Name}: workflow '{workflow.WorkflowName}' has no 'Rules'.");
        }

        var duplicate = rules.GroupBy(rule => rule.RuleName, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new RuleSetException($"{file.Name}: rule name '{duplicate.Key}' is used more than once.");
        }

        var nested = rules.FirstOrDefault(rule => rule.Rules?.Any() == true || rule.Operator is not null);
        if (nested is not null)
        {
            throw new RuleSetException($"{file.Name}, rule '{nested.RuleName}': nested rules are not supported; write one expression.");
        }

        workflow.Rules = rules;
        return workflow;
    }

    private static ZoneRule ReadZoneRule(string fileName, string workflowName, Rule rule)
    {
        string Where() => $"{fileName}, rule '{rule.RuleName}'";
        var properties = rule.Properties ?? [];

        var indicatorId = properties.GetValueOrDefault("Indicator") is JsonElement { ValueKind: JsonValueKind.String } id
            ? id.GetString()!
            : throw new RuleSetException($"{Where()}: Properties.Indicator must name an indicator, for example \"ege_below_min_share\".");
        var indicator = IndicatorCatalog.Find(indicatorId)
            ?? throw new RuleSetException($"{Where()}: indicator '{indicatorId}' is not in the indicator catalog.");

        var zoneText = properties.GetValueOrDefault("Zone") is JsonElement { ValueKind: JsonValueKind.String } z ? z.GetString() : null;
        if (!ZoneNames.TryParse(zoneText, out var zone) || zone == Zone.None)
        {
            throw new RuleSetException($"{Where()}: Properties.Zone must be \"medium\" or \"high\".");
        }

        if (properties.GetValueOrDefault("Threshold") is not JsonElement { ValueKind: JsonValueKind.Number } number
            || !number.TryGetDecimal(out var threshold))
        {
            throw new RuleSetException($"{Where()}: Properties.Threshold must be a number, for example 10 or 9.5.");
        }

        if (rule.LocalParams?.Any(param => param.Name == ThresholdParameter) == true)
        {
            throw new RuleSetException($"{Where()}: local parameter '{ThresholdParameter}' is reserved for Properties.Threshold.");
        }

        if (string.IsNullOrWhiteSpace(rule.Expression))
        {
            throw new RuleSetException($"{Where()}: 'Expression' is missing.");
        }

        return new ZoneRule(fileName, workflowName, rule.RuleName, indicator, zone, threshold);
    }

    private static ScopedParam ThresholdParam(decimal threshold) => new()
    {
        Name = ThresholdParameter,
        Expression = threshold.ToString(CultureInfo.InvariantCulture) + "m",
    };

    /// <summary>Runs every workflow once on an empty school: compiles each expression and surfaces any that fail.</summary>
    private async Task CompileAllAsync(Dictionary<string, string> fileOfWorkflow, CancellationToken cancellationToken)
    {
        foreach (var workflowName in WorkflowNames)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var results = await ExecuteAsync(workflowName, SchoolIndicators.Empty);
            var failed = results.FirstOrDefault(result => !string.IsNullOrEmpty(result.ExceptionMessage));
            if (failed is not null)
            {
                throw new RuleSetException(
                    $"{fileOfWorkflow[workflowName]}, rule '{failed.Rule.RuleName}': {failed.ExceptionMessage}");
            }
        }
    }

    private static string Hash(IEnumerable<RuleFile> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file.Name));
            sha.AppendData([0]);
            sha.AppendData(Encoding.UTF8.GetBytes(file.Json));
            sha.AppendData([0]);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }
}
