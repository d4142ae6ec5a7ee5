using SchoolRisk.Application.Views;
using SchoolRisk.Functions.CustomHandler;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// <c>RuleVersions</c>: <c>GET /api/rules/versions</c> → <see cref="RuleVersionsQuery.GetAsync"/>: the rule set in force
/// and every activation, newest first. See <c>RuleVersions/function.json</c>.
/// </summary>
public static class RuleVersionsFunction
{
    public static IEndpointRouteBuilder MapRuleVersions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/RuleVersions", (InvocationRequest request, RuleVersionsQuery query, CancellationToken cancellationToken) =>
            ViewRequest.HandleAsync(request, async (_, _) => HttpOutput.Json(StatusCodes.Status200OK, await query.GetAsync(cancellationToken))));
        return endpoints;
    }
}
