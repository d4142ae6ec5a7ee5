using SchoolRisk.Application.Rules;
using SchoolRisk.Functions.CustomHandler;

namespace SchoolRisk.Functions.Rules;

/// <summary>
/// <c>PreviewRules</c>: HTTP trigger <c>req</c>, <c>POST /api/rules/preview/{period}</c>, output <c>res</c> →
/// <see cref="RulePreviewHandler.PreviewAsync"/> with the caller's key. Answers 200 with the schools whose zone would
/// change and what of the active version it would no longer evaluate (<c>removed</c>), 422 with every problem when the
/// candidate fails validation or a rule throws on the period's data, 400 for a malformed request, 403 for a key other
/// than <see cref="RulePreviewHandler.AdministratorKey"/> or the master key. See <c>PreviewRules/function.json</c>.
/// </summary>
public static class PreviewRulesFunction
{
    public const string TriggerBinding = "req";

    public static IEndpointRouteBuilder MapPreviewRules(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/PreviewRules", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(InvocationRequest request, RulePreviewHandler preview, CancellationToken cancellationToken)
    {
        if (!HttpTriggerRequest.TryRead(request, TriggerBinding, out var http))
        {
            return FunctionJson.Failed(InvocationResponse.Log($"No HTTP request in binding '{TriggerBinding}'."));
        }

        var answer = await preview.PreviewAsync(http.KeyName, http.HasMasterKey, http.Param("period"), http.Body, cancellationToken);
        return answer.Kind switch
        {
            RulePreviewAnswerKind.Previewed => HttpOutput.Json(StatusCodes.Status200OK, answer.Result!, answer.Log),
            RulePreviewAnswerKind.Forbidden => HttpOutput.Error(StatusCodes.Status403Forbidden, answer.Error),
            RulePreviewAnswerKind.Malformed => HttpOutput.Error(StatusCodes.Status400BadRequest, answer.Error),
            _ => HttpOutput.Error(StatusCodes.Status422UnprocessableEntity, answer.Error, answer.Problems),
        };
    }
}
