using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Rules;
using SchoolRisk.Application.Views;
using SchoolRisk.Functions.Http;

namespace SchoolRisk.Functions.Rules;

/// <summary>
/// <c>PreviewRules</c>: <c>POST /api/rules/preview/{period}</c> with a <see cref="RuleDraft"/> →
/// <see cref="RulePreviewHandler.PreviewAsync"/> with the caller's key. Answers 200 with the schools whose zone would
/// change and what of the active version it would no longer evaluate (<c>removed</c>), 422 with every problem when the
/// candidate fails validation or a rule throws on the period's data, 400 for a malformed request, 413 for a body longer than any rule set, 403 for a key other
/// than <see cref="AccessScope.RulesAdministratorKey"/> or the master key.
/// </summary>
public sealed class PreviewRulesFunction(RulePreviewHandler preview, ILogger<PreviewRulesFunction> logger)
{
    [Function("PreviewRules")]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "rules/preview/{period}")] HttpRequestData request, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RuleAnswers.BodyAsync(request, cancellationToken) is not { } body)
        {
            return await RuleAnswers.TooLargeAsync(request, cancellationToken);
        }

        var key = CallerKey.Of(request);
        return await RuleAnswers.HttpAsync(request, await preview.PreviewAsync(key.Name, key.IsMaster, period, body, cancellationToken), logger, cancellationToken);
    }
}
