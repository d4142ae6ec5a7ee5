using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SchoolRisk.Application.Views;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// <c>Federal</c>: <c>GET /api/federal/{period}[?municipality={id}]</c> → <see cref="FederalQuery.GetAsync"/>: the
/// period's federal list of low-result schools, the schools' federal risk profiles and where the list disagrees with
/// the regional group; 404 when the committee has stored no list for the period, 403 for a municipality's key asking
/// for another municipality.
/// </summary>
public sealed class FederalFunction(FederalQuery query)
{
    [Function("Federal")]
    public Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "federal/{period}")] HttpRequestData request, string period, CancellationToken cancellationToken) =>
        ViewAnswers.JsonAsync(request, scope => query.GetAsync(scope, period, request.Query["municipality"], cancellationToken), cancellationToken);
}
