using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SchoolRisk.Application.Views;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// <c>SchoolHistory</c>: <c>GET /api/schools/{school}/history</c> → <see cref="SchoolHistoryQuery.GetAsync"/>: the
/// school's zone and indicators in every period, oldest first; 404 for a school not in the registry, 403 for a key of
/// another municipality.
/// </summary>
public sealed class SchoolHistoryFunction(SchoolHistoryQuery query)
{
    [Function("SchoolHistory")]
    public Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "schools/{school}/history")] HttpRequestData request, string school, CancellationToken cancellationToken) =>
        ViewAnswers.JsonAsync(request, scope => query.GetAsync(scope, school, cancellationToken), cancellationToken);
}
