using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SchoolRisk.Application.Views;
using SchoolRisk.Functions.Views;

namespace SchoolRisk.Functions.Uploads;

/// <summary>
/// <c>UploadOutcome</c>: <c>GET /api/uploads/{municipality}/{period}/{uploadId}</c> → <see cref="UploadOutcomeQuery.GetAsync"/>:
/// 200 with one upload's outcome (<see cref="UploadOutcomeView"/>: the upload as the list gives it, what happened in
/// Russian, a refusal's reason and what to do next, the problems by row with column, value and reason, the columns not
/// recognised with the indicator each may have meant, the rows left out, the upload's schools by zone with why); 403 for
/// a key of another municipality, 404 for a period, municipality or upload that is not one.
/// </summary>
public sealed class UploadOutcomeFunction(UploadOutcomeQuery query)
{
    [Function("UploadOutcome")]
    public Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "uploads/{municipality}/{period}/{uploadId}")] HttpRequestData request,
        string municipality, string period, string uploadId, CancellationToken cancellationToken) =>
        ViewAnswers.JsonAsync(request, scope => query.GetAsync(scope, municipality, period, uploadId, cancellationToken), cancellationToken);
}
