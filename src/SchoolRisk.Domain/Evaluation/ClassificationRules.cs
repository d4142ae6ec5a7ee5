using System.Text.Json;
using RulesEngine.Models;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation.Shape;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// Reads the rules of the classification workflow: each names what it decides in <c>Properties.Classification</c>
/// (<c>low_results</c>, <c>high_results</c>, <c>unfavourable_conditions</c>, <c>non_objective</c>, <c>leader_effective</c>;
/// every one exactly once), and may give numbers in <c>Properties.Parameters</c>, which become decimal local parameters
/// of the same name: <c>"Parameters": { "percentile": 10 }</c> lets the expression say <c>percentile</c>.
/// </summary>
internal static class ClassificationRules
{
    public static IEnumerable<(string RuleName, ClassificationKind Kind)> Read(string fileName, Workflow workflow)
    {
        var kinds = new Dictionary<ClassificationKind, string>();
        foreach (var rule in workflow.Rules)
        {
            string Where() => $"{fileName}, правило «{rule.RuleName}»";
            var properties = rule.Properties ?? [];
            var key = properties.GetValueOrDefault("Classification") is JsonElement { ValueKind: JsonValueKind.String } k ? k.GetString() : null;
            if (!ClassificationKinds.TryParse(key, out var kind))
            {
                throw new RuleSetException($"{Where()}: Properties.Classification должно быть одним из: {string.Join(", ", ClassificationKinds.Keys)}.");
            }

            if (!kinds.TryAdd(kind, rule.RuleName))
            {
                throw new RuleSetException($"{Where()}: «{key}» уже определяет правило «{kinds[kind]}».");
            }

            if (string.IsNullOrWhiteSpace(rule.Expression))
            {
                throw new RuleSetException($"{Where()}: нет выражения Expression.");
            }

            rule.LocalParams = [.. rule.LocalParams ?? [], .. Parameters(properties, Where)];
            yield return (rule.RuleName, kind);
        }

        var missing = Enum.GetValues<ClassificationKind>().Where(kind => !kinds.ContainsKey(kind)).Select(kind => kind.ToKey()).ToList();
        if (missing.Count > 0)
        {
            throw new RuleSetException($"{fileName}: ни одно правило не определяет {string.Join(", ", missing)}; нужно правило на каждую классификацию.");
        }
    }

    private static IEnumerable<ScopedParam> Parameters(Dictionary<string, object> properties, Func<string> where)
    {
        if (!properties.TryGetValue("Parameters", out var value))
        {
            yield break;
        }

        if (value is not JsonElement { ValueKind: JsonValueKind.Object } parameters)
        {
            throw new RuleSetException($"{where()}: Properties.Parameters должен быть объектом с числами.");
        }

        foreach (var parameter in parameters.EnumerateObject())
        {
            if (!ExactDecimal.TryRead(parameter.Value, out var number))
            {
                throw new RuleSetException($"{where()}: параметр «{parameter.Name}»: {ExactDecimal.Problem(parameter.Value)}.");
            }

            yield return RuleSet.DecimalParam(parameter.Name, number);
        }
    }
}
