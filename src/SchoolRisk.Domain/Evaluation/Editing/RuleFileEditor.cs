using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SchoolRisk.Domain.Evaluation.Editing;

/// <summary>
/// Changes numbers of rule files the way an administrator means them in the page's rule table
/// (<see cref="RuleNumberEdit"/>), rewriting only those numbers in the text (<see cref="JsonValueEdits"/>), and keeps the
/// file's test cases on its boundaries, which validation demands (every threshold and rubric band edge has a case exactly
/// on it, rules/README.md):
/// <list type="bullet">
/// <item>a zone threshold moved from <c>old</c> to <c>new</c> takes along the cases exactly on <c>old</c> and the nearest
/// cases across it that expect another zone (<c>9.9 — ниже порога</c> beside <c>ровно 10</c>): each moves by
/// <c>new − old</c>, and the number in its name with it;</item>
/// <item>a rubric band edge moved takes the neighbouring band's edge along (bands keep covering every total once), and the
/// cases whose <c>Total</c> sat on either edge.</item>
/// </list>
/// Other cases stay: when the new number contradicts one (a high threshold below the medium one), validation names it.
/// Nothing here validates the result; an edit it cannot apply (no such file, rule or key) is a problem and changes nothing.
/// </summary>
public static class RuleFileEditor
{
    private static readonly JsonDocumentOptions Reading = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 };
    private static readonly JsonSerializerOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The keys of the integrated assessment's sections a <see cref="RuleNumberEdit"/> may change, by section.</summary>
    private static readonly Dictionary<string, string[]> AssessmentKeys = new(StringComparer.Ordinal)
    {
        ["Levels"] = ["HighFromPercentile", "LowBelowPercentile"],
        ["Top"] = ["Secondary", "Basic", "Leaders"],
    };

    /// <param name="files">The rule set's files (the active version's, or a draft's).</param>
    /// <param name="edits">The numbers to change, applied in order, each to the text the previous ones left.</param>
    public static RuleEditResult Apply(IReadOnlyList<RuleFile> files, IReadOnlyList<RuleNumberEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(edits);
        var texts = files.ToDictionary(file => file.Name, file => file.Json, StringComparer.Ordinal);
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var edit in edits)
        {
            if (!texts.TryGetValue(edit.File, out var json))
            {
                problems.Add($"{edit.File}: такого файла правил нет.");
                continue;
            }

            try
            {
                var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
                if (Plan(edit, json, replacements) is { } problem)
                {
                    problems.Add(problem);
                    continue;
                }

                var edited = JsonValueEdits.Replace(json, replacements);
                if (edited != json)
                {
                    texts[edit.File] = edited;
                    changed.Add(edit.File);
                }
            }
            catch (JsonException exception)
            {
                problems.Add($"{edit.File}: файл не читается как JSON ({exception.Message}); поправьте его в редакторе.");
            }
        }

        return new RuleEditResult([.. files.Select(file => file with { Json = texts[file.Name] })], [.. changed], problems);
    }

    /// <summary>Fills <paramref name="replacements"/> for <paramref name="edit"/>; a problem (and nothing to replace) when the file has no such number.</summary>
    private static string? Plan(RuleNumberEdit edit, string json, Dictionary<string, string> replacements)
    {
        using var document = JsonDocument.Parse(json, Reading);
        var root = document.RootElement;
        var where = $"{edit.File}, правило «{edit.Rule}», ключ «{edit.Key}»";
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("IntegratedAssessment", out var assessment))
        {
            return PlanAssessment(edit, assessment, replacements, where);
        }

        var rules = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Rules", out var found) && found.ValueKind == JsonValueKind.Array ? found : default;
        var index = rules.ValueKind == JsonValueKind.Array
            ? rules.EnumerateArray().ToList().FindIndex(rule => Text(rule, "RuleName") == edit.Rule)
            : -1;
        if (index < 0 || !rules[index].TryGetProperty("Properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return $"{edit.File}: правила «{edit.Rule}» в файле нет.";
        }

        if (edit.Key == "Threshold" && Number(properties, "Threshold") is { } threshold && Text(properties, "Indicator") is { } indicator)
        {
            replacements[JsonValueEdits.PathOf("Rules", index, "Properties", "Threshold")] = Literal(edit.Value);
            MoveZoneCases(root, indicator, threshold, edit.Value, replacements);
            return null;
        }

        if (edit.Key is "From" or "To" && Number(properties, edit.Key) is { } edge && Text(properties, "Band") is not null)
        {
            return edit.Value != decimal.Truncate(edit.Value) || edit.Value < 0
                ? $"{where}: граница уровня — целая сумма баллов от 0, а не {Literal(edit.Value)}."
                : PlanBandEdge(root, rules, index, edit.Key, (int)edge, (int)edit.Value, replacements);
        }

        if (properties.TryGetProperty("Parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object && Number(parameters, edit.Key) is not null)
        {
            replacements[JsonValueEdits.PathOf("Rules", index, "Properties", "Parameters", edit.Key)] = Literal(edit.Value);
            return null;
        }

        return $"{where}: такого числа у правила нет (можно менять Threshold, From и To уровней рубрикатора, параметры из Properties.Parameters).";
    }

    private static string? PlanAssessment(RuleNumberEdit edit, JsonElement assessment, Dictionary<string, string> replacements, string where)
    {
        if (AssessmentKeys.TryGetValue(edit.Rule, out var keys))
        {
            if (!keys.Contains(edit.Key) || !assessment.TryGetProperty(edit.Rule, out var section) || Number(section, edit.Key) is null)
            {
                return $"{where}: такого числа в разделе нет (есть {string.Join(", ", keys)}).";
            }

            replacements[JsonValueEdits.PathOf("IntegratedAssessment", edit.Rule, edit.Key)] = Literal(edit.Value);
            return null;
        }

        var directions = assessment.TryGetProperty("Directions", out var found) && found.ValueKind == JsonValueKind.Array ? found.EnumerateArray().ToList() : [];
        var index = directions.FindIndex(direction => Text(direction, "Id") == edit.Rule);
        if (index < 0 || edit.Key != "Weight" || Number(directions[index], "Weight") is null)
        {
            return $"{where}: в интегральной оценке можно менять Weight направления (по его Id), числа разделов Levels и Top.";
        }

        replacements[JsonValueEdits.PathOf("IntegratedAssessment", "Directions", index, "Weight")] = Literal(edit.Value);
        return null;
    }

    /// <summary>Moves a zone threshold's boundary cases: those exactly on it, and the nearest ones across it that expect another zone.</summary>
    private static void MoveZoneCases(JsonElement root, string indicator, decimal old, decimal moved, Dictionary<string, string> replacements)
    {
        var cases = Cases(root)
            .Select(c => (c.Index, c.Case, Value: c.Case.TryGetProperty("Input", out var input) ? Number(input, indicator) : null,
                Expect: c.Case.TryGetProperty("Expect", out var expect) ? Text(expect, indicator) : null))
            .Where(c => c.Value is not null && c.Expect is not null)
            .Select(c => (c.Index, c.Case, Value: c.Value!.Value, Expect: c.Expect!))
            .ToList();
        var on = cases.Where(c => c.Value == old).ToList();
        var expected = on.Select(c => c.Expect).ToHashSet(StringComparer.Ordinal);
        var across = cases.Where(c => c.Value != old && !expected.Contains(c.Expect)).ToList();
        var nearest = across.Count > 0 && on.Count > 0 ? across.Min(c => Math.Abs(c.Value - old)) : (decimal?)null;
        foreach (var (index, element, value, _) in on.Concat(across.Where(c => Math.Abs(c.Value - old) == nearest)))
        {
            var shifted = value + (moved - old);
            replacements[JsonValueEdits.PathOf("TestCases", index, "Input", indicator)] = Literal(shifted);
            Rename(element, index, value, shifted, replacements);
        }
    }

    /// <summary>Moves a rubric band's edge, the neighbouring band's edge with it, and the cases whose total sat on either.</summary>
    private static string? PlanBandEdge(JsonElement root, JsonElement rules, int index, string key, int old, int moved, Dictionary<string, string> replacements)
    {
        replacements[JsonValueEdits.PathOf("Rules", index, "Properties", key)] = Literal(moved);
        var totals = new Dictionary<decimal, decimal> { [old] = moved };
        var (neighbourKey, neighbourOld, step) = key == "To" ? ("From", old + 1, 1) : ("To", old - 1, -1);
        var neighbour = rules.EnumerateArray().ToList().FindIndex(rule =>
            rule.TryGetProperty("Properties", out var properties) && properties.ValueKind == JsonValueKind.Object && Number(properties, neighbourKey) == neighbourOld);
        if (neighbour >= 0)
        {
            replacements[JsonValueEdits.PathOf("Rules", neighbour, "Properties", neighbourKey)] = Literal(moved + step);
            totals[neighbourOld] = moved + step;
        }

        foreach (var (caseIndex, element) in Cases(root))
        {
            if (Number(element, "Total") is { } total && totals.TryGetValue(total, out var shifted))
            {
                replacements[JsonValueEdits.PathOf("TestCases", caseIndex, "Total")] = Literal(shifted);
                Rename(element, caseIndex, total, shifted, replacements);
            }
        }

        return null;
    }

    private static IEnumerable<(int Index, JsonElement Case)> Cases(JsonElement root) =>
        root.TryGetProperty("TestCases", out var cases) && cases.ValueKind == JsonValueKind.Array
            ? cases.EnumerateArray().Select((element, index) => (index, element)).Where(c => c.element.ValueKind == JsonValueKind.Object)
            : [];

    /// <summary>The case's name with the number it was about written anew (<c>ровно 10</c> → <c>ровно 8</c>), with the decimal separator it used.</summary>
    private static void Rename(JsonElement element, int index, decimal old, decimal moved, Dictionary<string, string> replacements)
    {
        if (Text(element, "Name") is not { } name)
        {
            return;
        }

        var written = old.ToString(CultureInfo.InvariantCulture);
        foreach (var (form, separator) in new[] { (written, "."), (written.Replace('.', ','), ",") })
        {
            var match = Regex.Match(name, $@"(?<![\d.,]){Regex.Escape(form)}(?!\d|[.,]\d)", RegexOptions.None, TimeSpan.FromSeconds(1));
            if (match.Success)
            {
                var renamed = string.Concat(name.AsSpan(0, match.Index), Literal(moved).Replace(".", separator, StringComparison.Ordinal), name.AsSpan(match.Index + match.Length));
                replacements[JsonValueEdits.PathOf("TestCases", index, "Name")] = JsonSerializer.Serialize(renamed, Writing);
                return;
            }
        }
    }

    private static string Literal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal? Number(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            ? number
            : null;

    private static string? Text(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
