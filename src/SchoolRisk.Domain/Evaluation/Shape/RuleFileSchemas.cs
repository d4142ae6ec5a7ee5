using System.Reflection;
using System.Text.Json.Nodes;
using Json.Schema;
using SchoolRisk.Domain.Classification;

namespace SchoolRisk.Domain.Evaluation.Shape;

/// <summary>
/// The JSON Schemas (draft 2020-12) every kind of rule file is read against before anything of it is interpreted:
/// which keys exist at each level (names are case-sensitive, as in <c>rules/README.md</c>; anything else is refused),
/// the type of each value, names that may not be empty, <c>Enabled</c> only <c>true</c> (the product evaluates every
/// rule it is given: a rule is switched off by deleting it) and the RulesEngine features the product refuses
/// (<c>Actions</c>, <c>LocalParams</c>, nested <c>Rules</c>, <c>WorkflowsToInject</c>, <c>GlobalParams</c>: every
/// number goes in <c>Properties</c> and a rule is one expression). Values are checked by the readers that interpret
/// them (an indicator id against the catalog, a zone word, a threshold's range).
/// </summary>
internal static class RuleFileSchemas
{
    /// <summary>
    /// RulesEngine keys the product refuses (or, for <c>Enabled</c>, takes only as <c>true</c>), with what to write
    /// instead, in Russian as administrators read it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Explanations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Actions"] = "действия правил не поддерживаются: правило — одно выражение, его смысл — в Properties",
        ["LocalParams"] = "локальные параметры не поддерживаются: числа пишутся в Properties (Threshold, From/To, Parameters)",
        ["GlobalParams"] = "глобальные параметры не поддерживаются: числа пишутся в Properties каждого правила",
        ["WorkflowsToInject"] = "вложенные наборы правил не поддерживаются",
        ["Rules"] = "вложенные правила не поддерживаются: напишите одно выражение",
        ["Operator"] = "вложенные правила не поддерживаются: напишите одно выражение",
        ["Enabled"] = "правило нельзя отключить: каждое правило файла вычисляется; чтобы правило не действовало, удалите его",
    };

    /// <summary>The schema a file of <paramref name="kind"/> is read against, and its JSON (to find a failed keyword's siblings).</summary>
    public static (JsonSchema Schema, JsonNode Json) For(RuleFileKind kind) => Schemas[kind];

    private const string Name = """{ "type": "string", "pattern": "\\S" }""";
    private const string Number = """{ "type": "number" }""";
    private const string Whole = """{ "type": "integer", "minimum": 0 }""";

    private const string ZoneRule = $$"""
        { "Indicator": {{Name}}, "Zone": {{Name}}, "Threshold": {{Number}} }, "required": ["Indicator", "Zone", "Threshold"]
        """;

    private const string ClassificationRule = $$"""
        { "Classification": {{Name}}, "Parameters": { "type": "object", "additionalProperties": {{Number}} } }, "required": ["Classification"]
        """;

    private const string RecommendationRule = $$"""
        { "Recommendation": {{Name}}, "Addressee": {{Name}}, "Reason": {{Name}}, "Concerns": {{Name}} }, "required": ["Recommendation", "Addressee", "Reason"]
        """;

    private const string RubricBand = $$"""
        { "Band": {{Name}}, "Label": { "type": "string" }, "Zone": {{Name}}, "From": {{Whole}}, "To": {{Whole}} }, "required": ["Band", "Zone", "From", "To"]
        """;

    private const string RubricSection = $$"""
        { "Title": {{Name}}, "Level": {{Name}}, "Items": { "type": "integer" }, "Note": { "type": "string" } }, "required": ["Title", "Level", "Items"]
        """;

    private const string AssessmentSection = $$"""
        {
          "Directions": { "type": "array", "minItems": 1, "items": { "type": "object", "additionalProperties": false,
            "properties": { "Id": {{Name}}, "Title": {{Name}}, "Weight": {{Number}},
              "Measures": { "type": "array", "minItems": 1, "items": {{Name}} } },
            "required": ["Id", "Title", "Weight", "Measures"] } },
          "Levels": { "type": "object", "additionalProperties": false,
            "properties": { "HighFromPercentile": {{Number}}, "LowBelowPercentile": {{Number}} }, "required": ["HighFromPercentile", "LowBelowPercentile"] },
          "Top": { "type": "object", "additionalProperties": false,
            "properties": { "Secondary": {{Whole}}, "Basic": {{Whole}}, "Leaders": {{Whole}} }, "required": ["Secondary", "Basic", "Leaders"] }
        }, "required": ["Directions", "Levels", "Top"]
        """;

    private const string CycleSection = $$"""
        {
          "RiskGroup": { "type": "object", "additionalProperties": false,
            "properties": { "EntryPeriods": { "type": "integer" }, "ExitPeriods": { "type": "integer" } }, "required": ["EntryPeriods", "ExitPeriods"] },
          "Support": { "type": "object", "additionalProperties": false,
            "properties": { "MaxMenteesPerMentor": { "type": "integer" }, "SubsidyForLowResults": { "type": "boolean" },
              "SubsidyStablyLowOnly": { "type": "boolean" }, "SubsidyForUnfavourableConditions": { "type": "boolean" } },
            "required": ["MaxMenteesPerMentor", "SubsidyForLowResults", "SubsidyStablyLowOnly", "SubsidyForUnfavourableConditions"] }
        }, "required": ["RiskGroup"]
        """;

    private const string RiskGroupCase = $$"""
        {
          "Name": {{Name}},
          "LowResults": { "type": "array", "minItems": 1, "items": { "type": "boolean" } },
          "Expect": { "type": "array", "minItems": 1, "items": { "type": "string" } }
        }, "required": ["LowResults", "Expect"]
        """;

    private const string Values = """{ "type": "object", "additionalProperties": { "type": ["number", "string", "null"] } }""";

    private const string ZoneCase = $$"""
        { "Name": {{Name}}, "Input": {{Values}}, "Expect": { "type": "object", "additionalProperties": { "type": "string" } } }, "required": ["Input", "Expect"]
        """;

    private const string RubricCase = $$"""
        { "Name": {{Name}}, "Total": { "type": "integer" }, "Scores": { "type": "array", "items": { "type": ["integer", "null"] } }, "Expect": {{Name}} }, "required": ["Expect"]
        """;

    private const string AssessmentCase = $$"""
        {
          "Name": {{Name}},
          "Schools": { "type": "array", "items": { "type": "object", "additionalProperties": false,
            "properties": { "Id": {{Name}}, "Level": {{Name}}, "Input": {{Values}} }, "required": ["Id", "Level", "Input"] } },
          "Expect": { "type": "object", "additionalProperties": { "type": "object", "additionalProperties": false,
            "properties": { "Rank": { "type": ["integer", "string"] }, "Level": { "type": "string" }, "Top": { "type": "boolean" }, "Leader": { "type": "boolean" } } } }
        }, "required": ["Schools", "Expect"]
        """;

    private static readonly Dictionary<RuleFileKind, (JsonSchema, JsonNode)> Schemas = new()
    {
        [RuleFileKind.Zones] = Build("zones", ZoneRule, ZoneCase, section: null),
        [RuleFileKind.Classifications] = Build("classifications", ClassificationRule, ClassificationCase(), section: null),
        [RuleFileKind.Recommendations] = Build("recommendations", RecommendationRule, RecommendationCase(), section: null),
        [RuleFileKind.Rubric] = Build("rubric", RubricBand, RubricCase, ("Rubric", RubricSection)),
        [RuleFileKind.IntegratedAssessment] = Build("integrated-assessment", rule: null, AssessmentCase, ("IntegratedAssessment", AssessmentSection)),
        [RuleFileKind.ManagementCycle] = Build("management-cycle", rule: null, RiskGroupCase, ("ManagementCycle", CycleSection)),
    };

    /// <summary>A classification case: the school's fields are <see cref="ClassificationInput"/>'s properties, typed as they are.</summary>
    private static string ClassificationCase()
    {
        var fields = typeof(ClassificationInput).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(property => $"\"{property.Name}\": {{ \"type\": {TypeOf(property.PropertyType)} }}");
        return $$"""
            {
              "Name": {{Name}},
              "School": { "type": "object", "additionalProperties": false, "properties": { {{string.Join(", ", fields)}} } },
              "Region": { "type": "object", "additionalProperties": false, "properties": {
                "ResultsIndex": { "type": "array", "items": {{Number}} }, "SocialWellbeingIndex": { "type": "array", "items": {{Number}} } } },
              "Expect": { "type": "object", "additionalProperties": { "type": "boolean" } }
            }, "required": ["School", "Region", "Expect"]
            """;

        static string TypeOf(Type type) => (Nullable.GetUnderlyingType(type) is { } inner ? inner : type) switch
        {
            var t when t == typeof(bool) => "\"boolean\"",
            var t when t == typeof(int) => Nullable.GetUnderlyingType(type) is null ? "\"integer\"" : "[\"integer\", \"null\"]",
            _ => Nullable.GetUnderlyingType(type) is null ? "\"number\"" : "[\"number\", \"null\"]",
        };
    }

    /// <summary>A recommendation case: the situation's fields are <see cref="Recommendations.RecommendationInput"/>'s properties, typed as they are.</summary>
    private static string RecommendationCase()
    {
        var fields = typeof(Recommendations.RecommendationInput).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(property => $"\"{property.Name}\": {{ \"type\": \"{(property.PropertyType == typeof(bool) ? "boolean" : "integer")}\" }}");
        return $$"""
            {
              "Name": {{Name}},
              "Situation": { "type": "object", "additionalProperties": false, "properties": { {{string.Join(", ", fields)}} } },
              "Expect": { "type": "array", "items": {{Name}} }
            }, "required": ["Situation", "Expect"]
            """;
    }

    /// <summary>
    /// A file's schema: <c>$schema</c> (for editors), the kind's <paramref name="section"/> if any, <c>WorkflowName</c>
    /// and <c>Rules</c> with <paramref name="rule"/>'s <c>Properties</c> (<c>null</c>: the kind has no rules), and
    /// <c>TestCases</c> of <paramref name="testCase"/>'s shape. Each fragment is "properties }, required" text.
    /// </summary>
    private static (JsonSchema, JsonNode) Build(string id, string? rule, string testCase, (string Name, string Fragment)? section)
    {
        var unsupported = string.Join(", ", Explanations.Keys.Select(key => key == "Enabled" ? $"\"{key}\": {{ \"const\": true }}" : $"\"{key}\": false"));
        var rules = rule is null ? string.Empty : $$"""
            "WorkflowName": {{Name}},
            "Rules": { "type": "array", "minItems": 1, "items": { "type": "object", "additionalProperties": false,
              "properties": { "RuleName": {{Name}}, "Expression": {{Name}}, "RuleExpressionType": { "enum": ["LambdaExpression"] },
                "Properties": { "type": "object", "additionalProperties": false, "properties": {{rule}} },
                {{unsupported}} },
              "required": ["RuleName", "Expression", "Properties"] } },
            "GlobalParams": false, "WorkflowsToInject": false, "RuleExpressionType": { "enum": ["LambdaExpression"] },
            """;
        var sectionText = section is { } s
            ? $$"""
                "{{s.Name}}": { "type": "object", "additionalProperties": false, "properties": {{s.Fragment}} },
                """
            : string.Empty;
        var text = $$"""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://schoolrisk.example/rules/{{id}}.schema.json",
              "type": "object", "additionalProperties": false,
              "properties": {
                "$schema": { "type": "string" },
                {{sectionText}}
                {{rules}}
                "TestCases": { "type": "array", "items": { "type": "object", "additionalProperties": false, "properties": {{testCase}} } }
              },
              "required": [{{(rule is null ? string.Empty : "\"WorkflowName\", \"Rules\"")}}{{(rule is not null && section is not null ? ", " : string.Empty)}}{{(section is { } r ? $"\"{r.Name}\"" : string.Empty)}}]
            }
            """;
        return (JsonSchema.FromText(text), JsonNode.Parse(text)!);
    }
}
