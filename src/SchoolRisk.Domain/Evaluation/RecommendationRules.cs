using System.Text.Json;
using RulesEngine.Models;
using SchoolRisk.Domain.Recommendations;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// Reads the rules of the recommendations workflow (<c>rules/recommendations.json</c>): each says in <c>Properties</c>
/// the measure it recommends (<c>Recommendation</c>), to whom (<c>Addressee</c>: <c>school</c>, <c>municipality</c> or
/// <c>committee</c>) and why (<c>Reason</c>), all in Russian as users read them, and optionally what it concerns
/// (<c>Concerns</c>: <c>school</c>, the default, or <c>municipality</c> for a measure about the municipality as a whole);
/// its expression over <see cref="RecommendationInput"/> says when it applies.
/// </summary>
internal static class RecommendationRules
{
    public static IEnumerable<Recommendation> Read(string fileName, Workflow workflow)
    {
        foreach (var rule in workflow.Rules)
        {
            string Where() => $"{fileName}, правило «{rule.RuleName}»";
            var properties = rule.Properties ?? [];
            string Text(string key) => properties.GetValueOrDefault(key) is JsonElement { ValueKind: JsonValueKind.String } value && !string.IsNullOrWhiteSpace(value.GetString())
                ? value.GetString()!.Trim()
                : throw new RuleSetException($"{Where()}: Properties.{key} должен быть непустым текстом.");
            var addresseeKey = Text("Addressee");
            if (!Addressees.TryParse(addresseeKey, out var addressee))
            {
                throw new RuleSetException($"{Where()}: Properties.Addressee «{addresseeKey}» — нужно одно из: {string.Join(", ", Addressees.Keys)}.");
            }

            if (string.IsNullOrWhiteSpace(rule.Expression))
            {
                throw new RuleSetException($"{Where()}: нет выражения Expression.");
            }

            var concerns = properties.ContainsKey("Concerns") ? Text("Concerns") : "school";
            if (concerns is not ("school" or "municipality"))
            {
                throw new RuleSetException($"{Where()}: Properties.Concerns «{concerns}» — нужно school (мера о школе) или municipality (мера о муниципалитете в целом).");
            }

            yield return new Recommendation(rule.RuleName, addressee, Text("Recommendation"), Text("Reason"), concerns == "municipality");
        }
    }
}
