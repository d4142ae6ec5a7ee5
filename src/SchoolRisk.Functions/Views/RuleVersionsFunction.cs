using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Storage.Rules;

namespace SchoolRisk.Functions.Views;

/// <summary><c>RuleVersions</c>: <c>GET /api/rules/versions</c>. The rule set in force and every activation, newest first. See <c>RuleVersions/function.json</c>.</summary>
public static class RuleVersionsFunction
{
    public static IEndpointRouteBuilder MapRuleVersions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/RuleVersions", (InvocationRequest request, RuleStore store, CancellationToken cancellationToken) =>
            ViewRequest.HandleAsync(request, async (_, _) =>
            {
                var active = await store.ActiveAsync(cancellationToken);
                var versions = await store.ListVersionsAsync(cancellationToken)
                    .Select(version => new RuleVersionView(version.Version, version.ActivatedAt, version.By, version.ByOrigin, version.Reason, version.Source))
                    .ToListAsync(cancellationToken);
                return HttpOutput.Json(StatusCodes.Status200OK, new RuleVersionsView(active?.Version, versions));
            }));
        return endpoints;
    }
}
