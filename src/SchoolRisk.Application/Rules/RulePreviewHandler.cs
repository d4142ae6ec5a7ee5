using System.Text.Json;
using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Rules;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// The workflow behind <c>PreviewRules</c>: a rule administrator's request to preview candidate rule files on a stored
/// period. The body names the files, <c>{"files": {"exams.json": {...workflow...}}}</c> (a file's JSON as an object or
/// as a string; <c>null</c> removes the file; a byte-order mark, comments and trailing commas are fine, as rule files are
/// read at every door); they replace, join or remove the active version's files, and the result goes through
/// <see cref="RulePreview"/>: validated as an activation would be and evaluated against the period's stored data.
/// Nothing is activated or written. Only the holder of <see cref="AccessScope.RulesAdministratorKey"/> or the master key may ask; the log
/// names the key the caller presented.
/// </summary>
public sealed class RulePreviewHandler(RuleStore store, RulePreview preview, ILogger<RulePreviewHandler> logger)
{
    private static readonly JsonDocumentOptions BodyJson = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <param name="keyName">The name of the function key the caller presented; <c>null</c> when none.</param>
    /// <param name="masterKey">Whether the caller presented the master key.</param>
    /// <param name="period">The route's period, like <c>2023-2024</c>.</param>
    /// <param name="body">The request's body.</param>
    /// <param name="cancellationToken">Cancels the preview.</param>
    public async Task<RulePreviewAnswer> PreviewAsync(string? keyName, bool masterKey, string? period, string? body, CancellationToken cancellationToken)
    {
        if (!AccessScope.Of(keyName, masterKey).RulesAdministrator)
        {
            return RulePreviewAnswer.Refusal(RulePreviewAnswerKind.Forbidden, $"Предпросмотр правил доступен только с ключом «{AccessScope.RulesAdministratorKey}»; с ключом «{keyName}» — нет.");
        }

        if (!Period.TryParse(period, out var parsed))
        {
            return RulePreviewAnswer.Refusal(RulePreviewAnswerKind.Malformed, $"«{period}» — не учебный год вида 2023-2024.");
        }

        if (!TryReadFiles(body, out var files, out var removed, out var error))
        {
            return RulePreviewAnswer.Refusal(RulePreviewAnswerKind.Malformed, error);
        }

        var active = await store.ActiveAsync(cancellationToken) is { } pointer ? await store.ReadVersionAsync(pointer.Version, cancellationToken) : [];
        var candidate = active.Where(file => !files.Any(changed => changed.Name == file.Name) && !removed.Contains(file.Name))
            .Concat(files).OrderBy(file => file.Name, StringComparer.Ordinal).ToList();
        var result = await preview.PreviewAsync(parsed, candidate, active, cancellationToken);
        var caller = masterKey ? "master key" : $"function key '{keyName}'";
        logger.LogInformation(
            "Rule preview of {CandidateVersion} on {Period} by {Caller}: {Problems} problems, {Changes} zone changes, {Removed} blocks no longer evaluated",
            result.CandidateVersion?.ToString(), parsed.ToString(), caller, result.Problems.Count, result.Changes.Count, result.Removed.Count);
        return result.Problems.Count > 0
            ? RulePreviewAnswer.Refusal(
                RulePreviewAnswerKind.Refused,
                result.CandidateVersion is null
                    ? "Правила-кандидат не прошли проверку; ничего не вычислялось."
                    : $"Правила-кандидат не вычисляются на данных за {parsed}; ничего не изменено.",
                result.Problems)
            : RulePreviewAnswer.Previewed(result, $"Preview of {result.CandidateVersion} on {parsed} by {caller}: {result.Changes.Count} of {result.SchoolsEvaluated} schools would change zone.");
    }

    private static bool TryReadFiles(string? body, out IReadOnlyList<RuleFile> files, out IReadOnlySet<string> removed, out string error)
    {
        (files, removed, error) = ([], new HashSet<string>(), string.Empty);
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body.TrimStart('\uFEFF'), BodyJson);
            if (!document.RootElement.TryGetProperty("files", out var named) || named.ValueKind != JsonValueKind.Object || !named.EnumerateObject().Any())
            {
                error = "Тело запроса должно быть вида {\"files\": {\"<имя>.json\": <workflow или null, чтобы убрать файл>}} хотя бы с одним файлом.";
                return false;
            }

            var read = new List<RuleFile>();
            var gone = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in named.EnumerateObject())
            {
                if (!file.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || file.Name.IndexOfAny(['/', '\\']) >= 0)
                {
                    error = $"«{file.Name}» — не имя файла правил: нужно имя вида exams.json, без папок.";
                    return false;
                }

                if (file.Value.ValueKind == JsonValueKind.Null)
                {
                    gone.Add(file.Name);
                    continue;
                }

                read.Add(new RuleFile(file.Name, file.Value.ValueKind == JsonValueKind.String ? file.Value.GetString()! : file.Value.GetRawText()));
            }

            (files, removed) = (read, gone);
            return true;
        }
        catch (JsonException exception)
        {
            error = $"Тело запроса — не JSON: {exception.Message}";
            return false;
        }
    }
}
