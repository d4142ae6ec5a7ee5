using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Rules;
using SchoolRisk.Functions.Http;

namespace SchoolRisk.Functions.Rules;

/// <summary>
/// <c>CheckRules</c>: <c>POST /api/rules/check</c> with a <see cref="RuleDraft"/> (and <c>allowRemoval</c>) →
/// <see cref="RuleAdministrationHandler.CheckAsync"/>: 200 with the candidate's version, whether it may be activated, the
/// files it changes, every problem with its file and rule, what it would no longer evaluate; 400 for a malformed body, 413 for one longer than any rule set,
/// 403 for a key that may not administer the rules. Nothing is written.
/// </summary>
public sealed class CheckRulesFunction(RuleAdministrationHandler rules, ILogger<CheckRulesFunction> logger)
{
    [Function("CheckRules")]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "rules/check")] HttpRequestData request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RuleAnswers.BodyAsync(request, cancellationToken) is not { } body)
        {
            return await RuleAnswers.TooLargeAsync(request, cancellationToken);
        }

        var key = CallerKey.Of(request);
        return await RuleAnswers.HttpAsync(request, await rules.CheckAsync(key.Name, key.IsMaster, body, cancellationToken), logger, cancellationToken);
    }
}
