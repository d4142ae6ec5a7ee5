using System.Text.RegularExpressions;

namespace SchoolRisk.TestFiles.Corpus;

/// <summary>
/// One rule edit an administrator might make, clumsy or hostile: what it does to the repository's rule files, and the
/// fragment of the problem every door must answer with (<c>null</c>: the edit is fine and must be accepted).
/// </summary>
/// <param name="Name">What the edit is, for test names.</param>
/// <param name="Edit">The edit: the repository's rule files (name → JSON) in, the edited files out.</param>
/// <param name="Problem">A fragment of the problem every door reports, or <c>null</c> when the edit is valid.</param>
public sealed record HostileRuleEdit(string Name, Func<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>> Edit, string? Problem)
{
    public override string ToString() => Name;
}

/// <summary>
/// The corpus of hostile and malformed rule edits: malformed shapes, case-variant names, oversize files, numbers a
/// decimal cannot hold, and the edits that must stay accepted (a byte-order mark, comments, trailing commas). The domain
/// tests validate each; the end-to-end tests send each through every door of the running app.
/// </summary>
public static class HostileRuleEdits
{
    private const string EgeHigh = "\"RuleName\": \"ege_below_min_share.high\"";

    public static IReadOnlyList<HostileRuleEdit> All { get; } =
    [
        new("a misspelt key: Treshold", Exams(json => First(json, "\"Threshold\": 10", "\"Treshold\": 10")), "ключ «Properties.Treshold»: такого ключа нет; может быть, «Threshold»?"),
        new("a lower-case key: actions", Exams(json => First(json, EgeHigh, EgeHigh + ", \"actions\": {}")), "ключ «actions»: такого ключа нет: ключи пишутся с учётом регистра, нужно «Actions»"),
        new("a rule switched off with Enabled: false", Exams(json => First(json, EgeHigh, EgeHigh + ", \"Enabled\": false")), "ключ «Enabled»: правило нельзя отключить"),
        new("an empty rule name", Exams(json => First(json, EgeHigh, "\"RuleName\": \"\"")), "правило №1, ключ «RuleName»: значение не может быть пустым"),
        new("a null rule name", Exams(json => First(json, EgeHigh, "\"RuleName\": null")), "правило №1, ключ «RuleName»: ожидается строка в кавычках, а записано null"),
        new("a null in Rules", Exams(json => First(json, "\"Rules\": [", "\"Rules\": [ null,")), "exams.json, правило №1: ожидается объект { … }, а записано null"),
        new("test cases that are not an array", Exams(json => Regex.Replace(json, "\"TestCases\": \\[.*\\]\\s*}\\s*$", "\"TestCases\": { \"Name\": \"x\" } }", RegexOptions.Singleline)), "exams.json, ключ «TestCases»: ожидается список [ … ]"),
        new("a test case expecting a number", Exams(json => First(json, "\"ege_below_min_share\": \"high\"", "\"ege_below_min_share\": 2")), "ожидается строка в кавычках, а записано 2"),
        new("two rules whose names differ only by case", Exams(json => First(json, "\"RuleName\": \"oge_fail_share.high\"", "\"RuleName\": \"EGE_BELOW_MIN_SHARE.HIGH\"")), "названы одинаково (регистр букв не различается)"),
        new("two workflows whose names differ only by case", files => With(files, "exams-copy.json", files["exams.json"].Replace("\"WorkflowName\": \"exams\"", "\"WorkflowName\": \"EXAMS\"", StringComparison.Ordinal)), "(регистр букв не различается); дайте ему другое WorkflowName"),
        new("a threshold with more digits than a decimal holds", Exams(json => First(json, "\"Threshold\": 10", "\"Threshold\": 10.000000000000000000000000000001")), "больше значащих цифр, чем сохраняется"),
        new("a 30 MB file", Exams(json => First(json, "\"WorkflowName\"", "\"Note\": \"" + new string('я', 15 * 1024 * 1024) + "\", \"WorkflowName\"")), "exams.json: файл занимает 30 МБ, допустимо не больше 256 КБ"),
        new("201 rules in one file", Exams(json => First(json, "\"Rules\": [", "\"Rules\": [" + string.Concat(Enumerable.Range(0, 201).Select(Rule)))), "exams.json: 207 правил, допустимо не больше 200 в одном файле"),
        new("not JSON at all", Exams(_ => "{ \"WorkflowName\": \"exams\", "), "exams.json: это не JSON"),
        new("an empty file", Exams(_ => string.Empty), "exams.json: это не JSON"),
        new("JSON nested thousands deep", Exams(_ => new string('[', 5000) + new string(']', 5000)), "exams.json: это не JSON"),
        new("a byte-order mark, as some editors and Storage Explorer write", Exams(json => "\uFEFF" + json), null),
        new("comments and trailing commas", Exams(json => "// ЕГЭ и ОГЭ\n" + First(json, "\"WorkflowName\": \"exams\",", "\"WorkflowName\": \"exams\", /* блок экзаменов */")), null),
    ];

    private static string Rule(int number) =>
        $$"""{ "RuleName": "extra.{{number}}", "Properties": { "Indicator": "ege_below_min_share", "Zone": "high", "Threshold": 10 }, "Expression": "input1.EgeBelowMinShare >= threshold" },""";

    private static Func<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>> Exams(Func<string, string> edit) =>
        files => With(files, "exams.json", edit(files["exams.json"]));

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> files, string name, string json) =>
        new(files) { [name] = json };

    private static string First(string json, string part, string replacement)
    {
        var at = json.IndexOf(part, StringComparison.Ordinal);
        return at < 0 ? throw new InvalidOperationException($"'{part}' is not in the file: the corpus no longer fits the repository's rules.") : json[..at] + replacement + json[(at + part.Length)..];
    }
}
