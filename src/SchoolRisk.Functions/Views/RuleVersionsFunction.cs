using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SchoolRisk.Application.Views;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// <c>RuleVersions</c>: <c>GET /api/rules/versions</c> → <see cref="RuleVersionsQuery.GetAsync"/>: the rule set in force
/// and every activation, newest first; for any key that sees the views.
/// </summary>
public sealed class RuleVersionsFunction(RuleVersionsQuery query)
{
    [Function("RuleVersions")]
    public Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "rules/versions")] HttpRequestData request, CancellationToken cancellationToken) =>
        ViewAnswers.JsonAsync(request, async _ => ViewAnswer.Found(await query.GetAsync(cancellationToken)), cancellationToken);
}
