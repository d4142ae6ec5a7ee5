using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SchoolRisk.Application.Views;
using SchoolRisk.Functions.Views;

namespace SchoolRisk.Functions.Uploads;

/// <summary>
/// <c>UploadTemplate</c>: <c>GET /api/templates/{municipality}/{period}?format=csv|xlsx</c> → <see cref="UploadTemplateQuery.GetAsync"/>:
/// 200 with the ready-to-fill upload (the catalog's columns under Russian headers, the municipality's schools from the
/// registry) as an attachment, <c>template-{municipality}.csv</c> (UTF-8 with BOM, <c>;</c>) or <c>.xlsx</c>; 400 for
/// another format, 403 for a key of another municipality, 404 for a period or municipality that is not one or a
/// municipality with no school in the registry.
/// </summary>
public sealed class UploadTemplateFunction(UploadTemplateQuery query)
{
    [Function("UploadTemplate")]
    public Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "templates/{municipality}/{period}")] HttpRequestData request,
        string municipality, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = request.Query["format"];
        return ViewAnswers.FileAsync(request, scope => query.GetAsync(scope, municipality, period, format, cancellationToken), cancellationToken);
    }
}
