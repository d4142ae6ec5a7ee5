using System.Net;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Rules;
using SchoolRisk.Functions.Http;

namespace SchoolRisk.Functions.Rules;

/// <summary>
/// A <see cref="RuleAnswer{T}"/> as HTTP, the same for every rule door: 200 with the result, 403 for a key that may not
/// administer the rules, 400 for a malformed request, 422 with every problem when the candidate is refused. The answer's
/// log line goes to the invocation's log.
/// </summary>
public static class RuleAnswers
{
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
