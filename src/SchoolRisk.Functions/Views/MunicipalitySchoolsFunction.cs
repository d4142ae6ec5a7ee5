using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SchoolRisk.Application.Views;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// <c>MunicipalitySchools</c>: <c>GET /api/municipalities/{municipality}/{period}</c> →
/// <see cref="MunicipalitySchoolsQuery.GetAsync"/>: the municipality's schools with their zones and indicators; 403 for
/// a key of another municipality.
/// </summary>
public sealed class MunicipalitySchoolsFunction(MunicipalitySchoolsQuery query)
{
    [Function("MunicipalitySchools")]
    public Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "municipalities/{municipality}/{period}")] HttpRequestData request,
        string municipality, string period, CancellationToken cancellationToken) =>
        ViewAnswers.JsonAsync(request, scope => query.GetAsync(scope, municipality, period, cancellationToken), cancellationToken);
}
