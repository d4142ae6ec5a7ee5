using System.Text.Json;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Storage.Rules;

namespace SchoolRisk.Functions.Rules;

/// <summary>
/// <c>PreviewRules</c>: HTTP trigger <c>req</c>, <c>POST /api/rules/preview/{period}</c>, output <c>res</c>. The body
/// names candidate rule files, <c>{"files": {"exams.json": {...workflow...}}}</c> (a file's JSON as an object or as a
/// string); they replace or join the active version's files, the result is validated as an activation would be, and
/// evaluated against the period's stored data. Nothing is activated or written. Answers 200 with the schools whose zone
/// would change, 422 with every problem when the candidate fails validation, 400 for a malformed request, 403 for a key
/// other than <see cref="AdministratorKey"/> or the master key. See <c>PreviewRules/function.json</c>.
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

    private static async Task<IResult> HandleAsync(InvocationRequest request, RuleStore store, RulePreview preview, CancellationToken cancellationToken)
    {
        if (!HttpTriggerRequest.TryRead(request, TriggerBinding, out var http))
        {
            return FunctionJson.Failed(InvocationResponse.Log($"No HTTP request in binding '{TriggerBinding}'."));
        }

        if (!http.HasMasterKey && http.KeyName != AdministratorKey)
        {
            return HttpOutput.Error(StatusCodes.Status403Forbidden, $"Previewing rules needs the '{AdministratorKey}' function key; key '{http.KeyName}' may not.");
        }

        if (!Period.TryParse(http.Param("period"), out var period))
        {
            return HttpOutput.Error(StatusCodes.Status400BadRequest, $"'{http.Param("period")}' is not a period such as 2023-2024.");
        }

        if (!TryReadFiles(http.Body, out var files, out var error))
        {
            return HttpOutput.Error(StatusCodes.Status400BadRequest, error);
        }

        var active = await store.ActiveAsync(cancellationToken) is { } pointer ? await store.ReadVersionAsync(pointer.Version, cancellationToken) : [];
        var candidate = active.Where(file => !files.Any(changed => changed.Name == file.Name)).Concat(files).OrderBy(file => file.Name, StringComparer.Ordinal).ToList();
        var result = await preview.PreviewAsync(period, candidate, cancellationToken);
        return result.Problems.Count > 0
            ? HttpOutput.Error(StatusCodes.Status422UnprocessableEntity, "The candidate rules fail validation; nothing was evaluated.", result.Problems)
            : HttpOutput.Json(StatusCodes.Status200OK, result, $"Preview of {result.CandidateVersion} on {period}: {result.Changes.Count} of {result.SchoolsEvaluated} schools would change zone.");
    }

    private static readonly JsonDocumentOptions BodyJson = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static bool TryReadFiles(string? body, out IReadOnlyList<RuleFile> files, out string error)
    {
        (files, error) = ([], string.Empty);
        try
        {
            // Read as rule files are at every door: a byte-order mark, comments and trailing commas are fine.
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body.TrimStart('\uFEFF'), BodyJson);
            if (!document.RootElement.TryGetProperty("files", out var named) || named.ValueKind != JsonValueKind.Object || !named.EnumerateObject().Any())
            {
                error = "The body must be {\"files\": {\"<name>.json\": <workflow>}} with at least one file.";
                return false;
            }

            var read = new List<RuleFile>();
            foreach (var file in named.EnumerateObject())
            {
                if (!file.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || file.Name.IndexOfAny(['/', '\\']) >= 0)
                {
                    error = $"'{file.Name}' is not a rule file name: a name such as exams.json, without folders.";
                    return false;
                }

                read.Add(new RuleFile(file.Name, file.Value.ValueKind == JsonValueKind.String ? file.Value.GetString()! : file.Value.GetRawText()));
            }

            files = read;
            return true;
        }
        catch (JsonException exception)
        {
            error = $"The body is not JSON: {exception.Message}";
            return false;
        }
    }
}
