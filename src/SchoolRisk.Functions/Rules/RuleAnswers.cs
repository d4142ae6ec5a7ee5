using System.Net;
using System.Text;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Rules;
using SchoolRisk.Domain.Evaluation.Shape;
using SchoolRisk.Functions.Http;

namespace SchoolRisk.Functions.Rules;

/// <summary>
/// A <see cref="RuleAnswer{T}"/> as HTTP, the same for every rule door: 200 with the result, 403 for a key that may not
/// administer the rules, 400 for a malformed request, 422 with every problem when the candidate is refused. The answer's
/// log line goes to the invocation's log.
/// </summary>
public static class RuleAnswers
{
    /// <summary>
    /// The largest body a rule door reads, in bytes: a whole rule set at its limits (<see cref="RuleSetLimits"/>: 100 files
    /// of 256 KB) fits twice, for the escaping of files sent as JSON strings.
    /// </summary>
    public const int MaxBodyBytes = 2 * RuleSetLimits.MaxFiles * RuleSetLimits.MaxFileBytes;

    /// <summary>The request's body as text; <c>null</c> when it is longer than <see cref="MaxBodyBytes"/> (answer with <see cref="TooLargeAsync"/>).</summary>
    public static async Task<string?> BodyAsync(HttpRequestData request, CancellationToken cancellationToken) =>
        await HttpBodies.ReadAsync(request, MaxBodyBytes, cancellationToken) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>413: the body is longer than any rule set can be.</summary>
    public static Task<HttpResponseData> TooLargeAsync(HttpRequestData request, CancellationToken cancellationToken) =>
        request.ErrorAsync(
            HttpStatusCode.RequestEntityTooLarge,
            $"Запрос длиннее {MaxBodyBytes / 1024 / 1024} МБ: столько правил не бывает (не больше {RuleSetLimits.MaxFiles} файлов по {RuleSetLimits.MaxFileBytes / 1024} КБ).",
            cancellationToken);

    /// <summary>The response for <paramref name="answer"/>.</summary>
    public static async Task<HttpResponseData> HttpAsync<T>(HttpRequestData request, RuleAnswer<T> answer, ILogger logger, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(answer);
        logger.LogInformation("{Answer}", answer.Log);
        return answer.Kind switch
        {
            RuleAnswerKind.Done => await request.JsonAsync(HttpStatusCode.OK, answer.Result!, cancellationToken),
            RuleAnswerKind.Forbidden => await request.ErrorAsync(HttpStatusCode.Forbidden, answer.Error, cancellationToken),
            RuleAnswerKind.Malformed => await request.ErrorAsync(HttpStatusCode.BadRequest, answer.Error, cancellationToken),
            _ => await request.ErrorAsync(HttpStatusCode.UnprocessableEntity, answer.Error, cancellationToken, answer.Problems),
        };
    }
}
