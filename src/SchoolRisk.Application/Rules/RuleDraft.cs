using System.Text.Json;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Evaluation.Editing;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// A candidate rule set as the page and <c>PreviewRules</c> send it, relative to the active version:
/// <c>{"files": {"exams.json": {...workflow...}, "old.json": null}, "edits": [{"file": "exams.json", "rule": "ege_below_min_share.high", "key": "Threshold", "value": 8}]}</c>.
/// A file's JSON is an object or a string (a byte-order mark, comments and trailing commas are fine, as rule files are
/// read at every door) and replaces or joins the active version's file; <c>null</c> removes it; the edits
/// (<see cref="RuleNumberEdit"/>) then change numbers of the result (<see cref="RuleFileEditor"/>). Either part may be
/// left out, not both.
/// </summary>
public sealed record RuleDraft(IReadOnlyList<RuleFile> Files, IReadOnlySet<string> Removed, IReadOnlyList<RuleNumberEdit> Edits)
{
    /// <summary>How the JSON bodies of the rule doors are read: comments and trailing commas allowed.</summary>
    public static readonly JsonDocumentOptions BodyJson = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 };

    private const string Shape =
        "Тело запроса должно быть вида {\"files\": {\"<имя>.json\": <workflow или null, чтобы убрать файл>}, \"edits\": [{\"file\": \"exams.json\", " +
        "\"rule\": \"<RuleName>\", \"key\": \"Threshold\", \"value\": 8}]} хотя бы с одним файлом или одной правкой.";

    /// <summary>The draft in <paramref name="body"/> (the request's root object), or why it is not one (in Russian).</summary>
    public static bool TryRead(JsonElement body, out RuleDraft draft, out string error)
    {
        (draft, error) = (new RuleDraft([], new HashSet<string>(), []), string.Empty);
        var named = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("files", out var files) ? files : default;
        var listed = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("edits", out var edits) ? edits : default;
        if ((named.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
            || (listed.ValueKind is not (JsonValueKind.Array or JsonValueKind.Undefined or JsonValueKind.Null))
            || ((named.ValueKind != JsonValueKind.Object || !named.EnumerateObject().Any()) && (listed.ValueKind != JsonValueKind.Array || listed.GetArrayLength() == 0)))
        {
            error = Shape;
            return false;
        }

        var read = new List<RuleFile>();
        var gone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in named.ValueKind == JsonValueKind.Object ? named.EnumerateObject() : default)
        {
            if (!file.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || file.Name.IndexOfAny(['/', '\\']) >= 0)
            {
                error = $"«{file.Name}» — не имя файла правил: нужно имя вида exams.json, без папок.";
                return false;
            }

            if (file.Value.ValueKind == JsonValueKind.Null)
            {
                gone.Add(file.Name);
            }
            else
            {
                read.Add(new RuleFile(file.Name, file.Value.ValueKind == JsonValueKind.String ? file.Value.GetString()! : file.Value.GetRawText()));
            }
        }

        var numbers = new List<RuleNumberEdit>();
        foreach (var (edit, index) in (listed.ValueKind == JsonValueKind.Array ? listed.EnumerateArray() : default).Select((edit, index) => (edit, index + 1)))
        {
            string? Text(string key) => edit.ValueKind == JsonValueKind.Object && edit.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (Text("file") is not { Length: > 0 } file || Text("rule") is not { Length: > 0 } rule || Text("key") is not { Length: > 0 } key
                || !edit.TryGetProperty("value", out var number) || number.ValueKind != JsonValueKind.Number || !number.TryGetDecimal(out var value))
            {
                error = $"Правка №{index}: нужны строки file, rule, key и число value, например {{\"file\": \"exams.json\", \"rule\": \"ege_below_min_share.high\", \"key\": \"Threshold\", \"value\": 8}}.";
                return false;
            }

            numbers.Add(new RuleNumberEdit(file, rule, key, value));
        }

        draft = new RuleDraft(read, gone, numbers);
        return true;
    }

    /// <summary>
    /// The candidate: <paramref name="active"/>'s files with the draft's files replacing, joining or removing them, then
    /// the edits applied (<see cref="RuleEditResult.Problems"/> names the edits that address no number).
    /// </summary>
    public RuleEditResult CandidateOf(IReadOnlyList<RuleFile> active)
    {
        ArgumentNullException.ThrowIfNull(active);
        var files = active.Where(file => !Files.Any(changed => changed.Name == file.Name) && !Removed.Contains(file.Name))
            .Concat(Files).OrderBy(file => file.Name, StringComparer.Ordinal).ToList();
        return RuleFileEditor.Apply(files, Edits);
    }
}
