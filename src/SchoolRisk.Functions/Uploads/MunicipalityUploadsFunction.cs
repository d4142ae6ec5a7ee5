using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SchoolRisk.Application.Views;
using SchoolRisk.Functions.Views;

namespace SchoolRisk.Functions.Uploads;

/// <summary>
/// <c>MunicipalityUploads</c>: <c>GET /api/uploads/{municipality}/{period}</c> → <see cref="MunicipalityUploadsQuery.GetAsync"/>:
/// the municipality's uploads of the period, newest first, each with its status, what was read and a link to its
/// problems report; 403 for a key of another municipality.
/// </summary>
public sealed class MunicipalityUploadsFunction(MunicipalityUploadsQuery query)
{
    [Function("MunicipalityUploads")]
    public Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "uploads/{municipality}/{period}")] HttpRequestData request,
        string municipality, string period, CancellationToken cancellationToken) =>
        ViewAnswers.JsonAsync(request, scope => query.GetAsync(scope, municipality, period, cancellationToken), cancellationToken);
}
