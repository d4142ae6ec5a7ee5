using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Rules;
using SchoolRisk.Functions.Http;

namespace SchoolRisk.Functions.Rules;

/// <summary>
/// <c>RulesInForce</c>: <c>GET /api/rules</c> → <see cref="RuleAdministrationHandler.InForceAsync"/>: the version in force
/// and its activation, its numbers as a table (indicators' thresholds, classification cut-offs, rubric bands, the
/// integrated assessment's weights) and its files; 403 for a key that may not administer the rules.
/// </summary>
public sealed class RulesInForceFunction(RuleAdministrationHandler rules, ILogger<RulesInForceFunction> logger)
{
    [Function("RulesInForce")]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "rules")] HttpRequestData request, CancellationToken cancellationToken)
    {
        var key = CallerKey.Of(request);
        return await RuleAnswers.HttpAsync(request, await rules.InForceAsync(key.Name, key.IsMaster, cancellationToken), logger, cancellationToken);
    }
}
