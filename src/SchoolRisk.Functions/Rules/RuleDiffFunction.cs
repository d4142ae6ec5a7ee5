using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Rules;
using SchoolRisk.Functions.Http;

namespace SchoolRisk.Functions.Rules;

/// <summary>
/// <c>RuleDiff</c>: <c>GET /api/rules/diff/{from}/{to}</c> → <see cref="RuleAdministrationHandler.DiffAsync"/>: the files
/// that differ between two archived versions, a changed file's changed lines with context; 400 for a version that is not
/// one or not archived, 403 for a key that may not administer the rules.
/// </summary>
public sealed class RuleDiffFunction(RuleAdministrationHandler rules, ILogger<RuleDiffFunction> logger)
{
    [Function("RuleDiff")]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "rules/diff/{from}/{to}")] HttpRequestData request, string from, string to, CancellationToken cancellationToken)
    {
        var key = CallerKey.Of(request);
        return await RuleAnswers.HttpAsync(request, await rules.DiffAsync(key.Name, key.IsMaster, from, to, cancellationToken), logger, cancellationToken);
    }
}
