using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SchoolRisk.Application.Uploads;
using SchoolRisk.Functions.Http;
using SchoolRisk.Functions.Views;

namespace SchoolRisk.Functions.Uploads;

/// <summary>
/// <c>UploadLink</c>: <c>POST /api/uploads/{municipality}/{period}/link</c> with <c>{"fileName": "…", "kind": "schools"|"rubrics"}</c>
/// → <see cref="UploadLinkIssuer.IssueAsync"/>: 200 with <c>{url, blobName, expiresOn, maxBytes}</c>, a link to create
/// one new blob in the municipality's upload folder for a few minutes (the browser then puts the file there itself);
/// 403 for a key of another municipality, 404 for a period or municipality that is not one (or not in the registry),
/// 400 for a body that is not that JSON, a file name that cannot be a blob's or a school year not yet begun, 413 for a
/// body over 4 KiB.
/// </summary>
public sealed class UploadLinkFunction(UploadLinkIssuer issuer)
{
    /// <summary>The largest request body read: a file's name and kind fit in far less.</summary>
    private const int MaxBodyBytes = 4 * 1024;

    [Function("UploadLink")]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "uploads/{municipality}/{period}/link")] HttpRequestData request,
        string municipality, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await HttpBodies.ReadAsync(request, MaxBodyBytes, cancellationToken) is not { } bytes)
        {
            return await request.ErrorAsync(HttpStatusCode.RequestEntityTooLarge, $"Запрос длиннее {MaxBodyBytes} байт: в нём нужны только имя файла и его вид.", cancellationToken);
        }

        var body = HttpBodies.JsonOf<UploadLinkRequest>(bytes);

        return body is null
            ? await request.ErrorAsync(HttpStatusCode.BadRequest, "Тело запроса должно быть JSON вида {\"fileName\": \"schools.xlsx\", \"kind\": \"schools\"}.", cancellationToken)
            : await ViewAnswers.JsonAsync(request, scope => issuer.IssueAsync(scope, municipality, period, body, cancellationToken), cancellationToken);
    }
}
