using System.Text.Json;

namespace SchoolRisk.Domain.Evaluation.Shape;

/// <summary>
/// The kinds of rule file, each read against its own schema (<see cref="RuleFileSchemas"/>). A file's kind follows from
/// its content, the way the loader reads it: an <c>IntegratedAssessment</c> or <c>ManagementCycle</c> section, a <c>Rubric</c> section, a rule
/// with <c>Properties.Recommendation</c> or <c>Properties.Classification</c>, or otherwise zone rules.
/// </summary>
internal enum RuleFileKind
{
    /// <summary>Zone rules of one indicator block (<c>exams.json</c>): <c>Properties</c> Indicator, Zone, Threshold.</summary>
    Zones,

    /// <summary>The classifications of schools against the region (<c>classifications.json</c>).</summary>
    Classifications,

    /// <summary>A rubric: a <c>Rubric</c> section and one rule per band (<c>rubric-*.json</c>).</summary>
    Rubric,

    /// <summary>Addressed recommendations (<c>recommendations.json</c>): <c>Properties</c> Recommendation, Addressee, Reason.</summary>
    Recommendations,

    /// <summary>The integrated assessment's settings (<c>integrated-assessment.json</c>): no rules.</summary>
    IntegratedAssessment,

    /// <summary>The management cycle's settings (<c>management-cycle.json</c>): the low-result group's entry and exit; no rules.</summary>
    ManagementCycle,
}

/// <summary>Tells a rule file's kind from its parsed root.</summary>
internal static class RuleFileKinds
{
    /// <summary>The kind of a file whose root is <paramref name="root"/>; a root that is not an object reads as <see cref="RuleFileKind.Zones"/>, whose schema then refuses it.</summary>
    public static RuleFileKind Of(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return RuleFileKind.Zones;
        }

        if (root.TryGetProperty("IntegratedAssessment", out _))
        {
            return RuleFileKind.IntegratedAssessment;
        }

        if (root.TryGetProperty("ManagementCycle", out _))
        {
            return RuleFileKind.ManagementCycle;
        }

        if (root.TryGetProperty("Rubric", out _))
        {
            return RuleFileKind.Rubric;
        }

        return HasRuleWith(root, "Recommendation") ? RuleFileKind.Recommendations
            : HasRuleWith(root, "Classification") ? RuleFileKind.Classifications
            : RuleFileKind.Zones;
    }

    private static bool HasRuleWith(JsonElement root, string property) =>
        root.TryGetProperty("Rules", out var rules) && rules.ValueKind == JsonValueKind.Array
            && rules.EnumerateArray().Any(rule => rule.ValueKind == JsonValueKind.Object
                && rule.TryGetProperty("Properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty(property, out _));
}
