using System.Text.Json;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Storage.Rules;

namespace SchoolRisk.Functions.Rules;

/// <summary>
/// <c>PreviewRules</c>: HTTP trigger <c>req</c>, <c>POST /api/rules/preview/{period}</c>, output <c>res</c>. The body
/// names candidate rule files, <c>{"files": {"exams.json": {...workflow...}}}</c> (a file's JSON as an object or as a
/// string; <c>null</c> removes the file); they replace, join or remove the active version's files, the result is validated as an activation would be, and
/// evaluated against the period's stored data. Nothing is activated or written. Answers 200 with the schools whose zone
/// would change and what of the active version it would no longer evaluate (<c>removed</c>), 422 with every problem when
/// the candidate fails validation or a rule throws on the period's data, 400 for a malformed request, 403 for a key other
/// than <see cref="AdministratorKey"/> or the master key. The log names the key the caller presented. See
/// <c>PreviewRules/function.json</c>.
/// </summary>
public static class PreviewRulesFunction
{
    public const string TriggerBinding = "req";

    /// <summary>The name of the function key that rule administrators hold.</summary>
    public const string AdministratorKey = "rules-admin";

    public static IEndpointRouteBuilder MapPreviewRules(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/PreviewRules", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        InvocationRequest request, RuleStore store, RulePreview preview, ILogger<RulePreview> logger, CancellationToken cancellationToken)
    {
        if (!HttpTriggerRequest.TryRead(request, TriggerBinding, out var http))
        {
            return FunctionJson.Failed(InvocationResponse.Log($"No HTTP request in binding '{TriggerBinding}'."));
        }

        if (!http.HasMasterKey && http.KeyName != AdministratorKey)
        {
            return HttpOutput.Error(StatusCodes.Status403Forbidden, $"Предпросмотр правил доступен только с ключом функции «{AdministratorKey}»; с ключом «{http.KeyName}» — нет.");
        }

        if (!Period.TryParse(http.Param("period"), out var period))
        {
            return HttpOutput.Error(StatusCodes.Status400BadRequest, $"«{http.Param("period")}» — не учебный год вида 2023-2024.");
        }

        if (!TryReadFiles(http.Body, out var files, out var removed, out var error))
        {
            return HttpOutput.Error(StatusCodes.Status400BadRequest, error);
        }

        var active = await store.ActiveAsync(cancellationToken) is { } pointer ? await store.ReadVersionAsync(pointer.Version, cancellationToken) : [];
        var candidate = active.Where(file => !files.Any(changed => changed.Name == file.Name) && !removed.Contains(file.Name))
            .Concat(files).OrderBy(file => file.Name, StringComparer.Ordinal).ToList();
        var result = await preview.PreviewAsync(period, candidate, active, cancellationToken);
        var caller = http.HasMasterKey ? "master key" : $"function key '{http.KeyName}'";
        logger.LogInformation(
            "Rule preview of {CandidateVersion} on {Period} by {Caller}: {Problems} problems, {Changes} zone changes, {Removed} blocks no longer evaluated",
            result.CandidateVersion, period.ToString(), caller, result.Problems.Count, result.Changes.Count, result.Removed.Count);
        return result.Problems.Count > 0
            ? HttpOutput.Error(
                StatusCodes.Status422UnprocessableEntity,
                result.CandidateVersion is null
                    ? "Правила-кандидат не прошли проверку; ничего не вычислялось."
                    : $"Правила-кандидат не вычисляются на данных за {period}; ничего не изменено.",
                result.Problems)
            : HttpOutput.Json(StatusCodes.Status200OK, result, $"Preview of {result.CandidateVersion} on {period} by {caller}: {result.Changes.Count} of {result.SchoolsEvaluated} schools would change zone.");
    }

    private static readonly JsonDocumentOptions BodyJson = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static bool TryReadFiles(string? body, out IReadOnlyList<RuleFile> files, out IReadOnlySet<string> removed, out string error)
    {
        (files, removed, error) = ([], new HashSet<string>(), string.Empty);
        try
        {
            // Read as rule files are at every door: a byte-order mark, comments and trailing commas are fine.
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
