using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace SchoolRisk.Domain.Evaluation.Shape;

/// <summary>
/// Reads a rule file's shape before anything of it is interpreted: its size, its JSON (comments and trailing commas are
/// accepted on purpose, at every door, as editors write them), its keys and value types against the schema of its kind
/// (<see cref="RuleFileSchemas"/>), how many rules and test cases it has (<see cref="RuleSetLimits"/>) and that no two
/// rules share a name, ignoring case. Every problem is a line in Russian naming the file, the rule or test case and the key.
/// </summary>
internal static class RuleFileShape
{
    /// <summary>How rule files are parsed everywhere: comments and trailing commas allowed, nesting as deep as the schema needs and no deeper.</summary>
    public static readonly JsonDocumentOptions Json = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 32 };

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List };

    /// <summary>Every problem of <paramref name="file"/>'s shape; empty when it may be interpreted.</summary>
    public static IReadOnlyList<string> Check(RuleFile file)
    {
        var bytes = Encoding.UTF8.GetByteCount(file.Json);
        if (bytes > RuleSetLimits.MaxFileBytes)
        {
            return [RuleSetLimits.FileTooLarge(file.Name, bytes)];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(file.Json, Json);
        }
        catch (JsonException exception)
        {
            return [$"{file.Name}: это не JSON — ошибка в строке {exception.LineNumber + 1}, позиции {exception.BytePositionInLine + 1} ({exception.Message})."];
        }

        using (document)
        {
            var root = document.RootElement;
            var kind = RuleFileKinds.Of(root);
            var (schema, schemaJson) = RuleFileSchemas.For(kind);
            var problems = new List<string>();
            var results = schema.Evaluate(root, Evaluation);
            foreach (var detail in (results.Details ?? []).OrderBy(detail => detail.InstanceLocation.ToString(), StringComparer.Ordinal))
            {
                foreach (var (keyword, _) in detail.Errors ?? new Dictionary<string, string>())
                {
                    var problem = Problem(keyword, detail, root, schemaJson);
                    problems.Add($"{Where(file.Name, root, detail.InstanceLocation.ToString())}: {problem}{(problem.EndsWith('?') ? string.Empty : ".")}");
                }
            }

            if (problems.Count > 0)
            {
                return problems;
            }

            problems.AddRange(Counts(file.Name, root));
            problems.AddRange(DuplicateRuleNames(file.Name, root));
            return problems;
        }
    }

    /// <summary>Where a JSON pointer points, as an administrator finds it: <c>exams.json, правило «x», ключ «Properties.Treshold»</c>.</summary>
    internal static string Where(string fileName, JsonElement root, string pointer)
    {
        var segments = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
        var place = new StringBuilder(fileName);
        if (segments.Count >= 2 && segments[0] is "Rules" or "TestCases" && int.TryParse(segments[1], CultureInfo.InvariantCulture, out var index))
        {
            var (what, nameKey) = segments[0] == "Rules" ? ("правило", "RuleName") : ("тестовый пример", "Name");
            var item = root.GetProperty(segments[0])[index];
            place.Append(item.ValueKind == JsonValueKind.Object && item.TryGetProperty(nameKey, out var name) && name.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(name.GetString())
                ? $", {what} «{name.GetString()}»"
                : $", {what} №{index + 1}");
            segments = segments[2..];
        }

        if (segments.Count > 0)
        {
            place.Append(", ключ «").Append(string.Concat(segments.Select((segment, i) =>
                int.TryParse(segment, CultureInfo.InvariantCulture, out var n) ? $"[{n + 1}]" : (i == 0 ? segment : "." + segment)))).Append('»');
        }

        return place.ToString();
    }

    private static string Problem(string keyword, EvaluationResults detail, JsonElement root, JsonNode schemaJson)
    {
        var instance = Resolve(root, detail.InstanceLocation.ToString());
        var schemaNode = SchemaNode(schemaJson, detail.EvaluationPath.ToString());
        var key = detail.InstanceLocation.ToString().Split('/').LastOrDefault() ?? string.Empty;
        var parentPath = detail.EvaluationPath.ToString();
        switch (keyword)
        {
            case "" when parentPath.EndsWith("/additionalProperties", StringComparison.Ordinal):
                return $"такого ключа нет{Suggestion(key, Siblings(schemaJson, parentPath))}";
            case "" or "const" when RuleFileSchemas.Explanations.TryGetValue(key, out var explanation):
                return explanation;
            case "type":
                return $"ожидается {TypeNames(schemaNode?["type"])}, а записано {Describe(instance)}";
            case "required":
                var missing = (schemaNode?["required"]?.AsArray() ?? []).Select(name => name!.GetValue<string>())
                    .Where(name => instance is not { ValueKind: JsonValueKind.Object } value || !value.TryGetProperty(name, out _)).ToList();
                return missing.Count == 1 ? $"нет обязательного ключа «{missing[0]}»" : $"нет обязательных ключей {string.Join(", ", missing.Select(name => $"«{name}»"))}";
            case "pattern" or "minLength":
                return "значение не может быть пустым";
            case "minItems":
                return $"список должен содержать хотя бы {schemaNode?["minItems"]} элемент";
            case "minimum":
                return $"значение должно быть не меньше {schemaNode?["minimum"]}, а записано {Describe(instance)}";
            case "enum" or "const":
                return $"допустимо только {string.Join(" или ", (schemaNode?["enum"]?.AsArray() ?? [schemaNode?["const"]]).Select(value => value?.ToJsonString()))}, а записано {Describe(instance)}";
            default:
                return $"значение не подходит ({keyword}: {detail.Errors![keyword]})";
        }
    }

    private static IEnumerable<string> Counts(string fileName, JsonElement root)
    {
        if (root.TryGetProperty("Rules", out var rules) && rules.GetArrayLength() > RuleSetLimits.MaxRulesPerFile)
        {
            yield return $"{fileName}: {rules.GetArrayLength()} правил, допустимо не больше {RuleSetLimits.MaxRulesPerFile} в одном файле; разделите блок на несколько файлов.";
        }

        if (root.TryGetProperty("TestCases", out var cases) && cases.GetArrayLength() > RuleSetLimits.MaxTestCasesPerFile)
        {
            yield return $"{fileName}: {cases.GetArrayLength()} тестовых примеров, допустимо не больше {RuleSetLimits.MaxTestCasesPerFile} в одном файле.";
        }
    }

    private static IEnumerable<string> DuplicateRuleNames(string fileName, JsonElement root) =>
        root.TryGetProperty("Rules", out var rules)
            ? rules.EnumerateArray()
                .Select(rule => rule.GetProperty("RuleName").GetString()!)
                .GroupBy(name => name, StringComparer.OrdinalIgnoreCase)
                .Where(group => group.Count() > 1)
                .Select(group => $"{fileName}: правила {string.Join(", ", group.Select(name => $"«{name}»"))} названы одинаково (регистр букв не различается); дайте каждому правилу своё имя.")
            : [];

    private static JsonElement? Resolve(JsonElement root, string pointer)
    {
        var current = root;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(name, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>
    /// The schema node a keyword failed in, from its evaluation path (<c>/properties/Rules/items/items/properties/RuleName</c>).
    /// JsonSchema.Net 8 writes an applicator's segment twice there (<c>items/items</c>); a segment that repeats the one
    /// before and leads nowhere is skipped.
    /// </summary>
    private static JsonNode? SchemaNode(JsonNode schema, string evaluationPath)
    {
        var node = schema;
        string? previous = null;
        foreach (var segment in evaluationPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = node is JsonObject obj ? obj[segment] : null;
            if (next is null && segment == previous)
            {
                continue;
            }

            node = next;
            previous = segment;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>The keys a schema object allows beside an unknown one: the <c>properties</c> of the node that holds the failed <c>additionalProperties</c>.</summary>
    private static JsonObject Siblings(JsonNode schema, string evaluationPath) =>
        SchemaNode(schema, evaluationPath[..evaluationPath.LastIndexOf("/additionalProperties", StringComparison.Ordinal)]) is JsonObject { } owner
            && owner["properties"] is JsonObject properties
            ? properties
            : [];

    /// <summary>What to write instead of an unknown <paramref name="key"/>: the key it differs from only by case, a key one or two letters away, or the keys allowed (<c>false</c> schemas name refused keys, which are matched by case only).</summary>
    private static string Suggestion(string key, JsonObject siblings)
    {
        var names = siblings.Where(property => property.Value is JsonObject && property.Key != "$schema").Select(property => property.Key).ToList();
        if (siblings.Select(property => property.Key).FirstOrDefault(name => string.Equals(name, key, StringComparison.OrdinalIgnoreCase)) is { } sameLetters)
        {
            return $": ключи пишутся с учётом регистра, нужно «{sameLetters}»";
        }

        var closest = names.Select(name => (Name: name, Distance: Distance(name.ToUpperInvariant(), key.ToUpperInvariant()))).Where(pair => pair.Distance <= 2).OrderBy(pair => pair.Distance).FirstOrDefault();
        return closest.Name is not null
            ? $"; может быть, «{closest.Name}»?"
            : names.Count > 0 ? $"; здесь допустимы {string.Join(", ", names.Select(name => $"«{name}»"))}" : string.Empty;
    }

    /// <summary>Levenshtein distance between two short keys.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static string TypeNames(JsonNode? type) =>
        string.Join(" или ", (type is JsonArray array ? array.Select(item => item!.GetValue<string>()) : [type?.GetValue<string>() ?? "?"]).Select(name => name switch
        {
            "string" => "строка в кавычках",
            "number" => "число",
            "integer" => "целое число",
            "boolean" => "true или false",
            "object" => "объект { … }",
            "array" => "список [ … ]",
            "null" => "null",
            _ => name,
        }));

    private static string Describe(JsonElement? value) => value switch
    {
        null => "ничего",
        { ValueKind: JsonValueKind.Object } => "объект { … }",
        { ValueKind: JsonValueKind.Array } => "список [ … ]",
        { } element => Quote(element.GetRawText()),
    };

    private static string Quote(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "…");
}
