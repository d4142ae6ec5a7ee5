using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Support;
using SchoolRisk.Domain.Support;
using SchoolRisk.Functions.Http;
using SchoolRisk.Functions.Views;

namespace SchoolRisk.Functions.Support;

/// <summary>
/// The doors of support decisions (<see cref="SupportWorkflow"/>), every one with a function key:
/// <c>Support</c>: <c>GET /api/support/{period}</c> → 200 with <see cref="SupportView"/> (a municipality's key: its own
/// schools' decisions and subsidy rows, no proposals);
/// <c>SupportAudit</c>: <c>GET /api/support/{period}/audit</c> → 200 with <see cref="SupportAuditView"/>;
/// <c>SupportSubsidy</c>: <c>GET /api/support/{period}/subsidy.xlsx</c> → the subsidy list to download;
/// <c>SupportEffect</c>: <c>GET /api/support/{period}/effect</c> → 200 with <see cref="SupportEffectView"/>, the effect
/// of the period's support one and two periods later (a municipality's key: its own supported schools);
/// <c>SupportRecord</c>: <c>POST /api/support/{period}</c> with <c>{school, kind, amount, mentor, comment, by}</c> → 200
/// with <c>{outcome, decision, message}</c>; <c>SupportWithdraw</c>: <c>POST /api/support/{period}/withdraw</c> with
/// <c>{school, kind, by}</c> → the same. Writes take the committee's key or the master key (403 otherwise); 422 with
/// every problem (in Russian) for a refused decision, 404 for nothing to withdraw or a period that is not one, 409 when
/// someone changed the decision at the same moment, 400 for a body that is not that JSON, 413 for one over 16 KiB.
/// Who is recorded: the declared <c>by</c> and the key's name, as rule activation records it.
/// </summary>
public sealed class SupportFunctions(SupportWorkflow support, SupportEffectQuery effect, ILogger<SupportFunctions> logger)
{
    /// <summary>The largest request body read: a decision with the longest comment fits in a quarter of it.</summary>
    private const int MaxBodyBytes = 16 * 1024;

    [Function("Support")]
    public Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "support/{period}")] HttpRequestData request, string period, CancellationToken cancellationToken) =>
        ViewAnswers.JsonAsync(request, scope => support.GetAsync(scope, period, cancellationToken), cancellationToken);

    [Function("SupportAudit")]
    public Task<HttpResponseData> AuditAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "support/{period}/audit")] HttpRequestData request, string period, CancellationToken cancellationToken) =>
        ViewAnswers.JsonAsync(request, scope => support.AuditAsync(scope, period, cancellationToken), cancellationToken);

    [Function("SupportSubsidy")]
    public Task<HttpResponseData> SubsidyAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "support/{period}/subsidy.xlsx")] HttpRequestData request, string period, CancellationToken cancellationToken) =>
        ViewAnswers.FileAsync(request, scope => support.SubsidyWorkbookAsync(scope, period, cancellationToken), cancellationToken);

    [Function("SupportEffect")]
    public Task<HttpResponseData> EffectAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "support/{period}/effect")] HttpRequestData request, string period, CancellationToken cancellationToken) =>
        ViewAnswers.JsonAsync(request, scope => effect.GetAsync(scope, period, cancellationToken), cancellationToken);

    [Function("SupportRecord")]
    public Task<HttpResponseData> RecordAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "support/{period}")] HttpRequestData request, string period, CancellationToken cancellationToken) =>
        WriteAsync<SupportDecisionDraft>(
            request,
            "{\"school\": \"gatchinsky-001\", \"kind\": \"mentoring\", \"mentor\": \"gatchinsky-002\", \"comment\": \"…\", \"by\": \"…\"}",
            (key, draft) => support.RecordAsync(key.Scope, period, draft, ChannelOf(key), cancellationToken),
            cancellationToken);

    [Function("SupportWithdraw")]
    public Task<HttpResponseData> WithdrawAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "support/{period}/withdraw")] HttpRequestData request, string period, CancellationToken cancellationToken) =>
        WriteAsync<SupportWithdrawal>(
            request,
            "{\"school\": \"gatchinsky-001\", \"kind\": \"mentoring\", \"by\": \"…\"}",
            (key, withdrawal) => support.WithdrawAsync(key.Scope, period, withdrawal, ChannelOf(key), cancellationToken),
            cancellationToken);

    /// <summary>«мастер-ключ» or «ключ committee»: how the door knows the caller, recorded after the declared name.</summary>
    private static string ChannelOf(CallerKey key) => key.IsMaster ? "мастер-ключ" : $"ключ {key.Name}";

    private async Task<HttpResponseData> WriteAsync<T>(
        HttpRequestData request, string example, Func<CallerKey, T, Task<SupportAnswer>> write, CancellationToken cancellationToken)
        where T : class
    {
        var key = CallerKey.Of(request);
        if (!key.Scope.Committee)
        {
            return await request.ErrorAsync(HttpStatusCode.Forbidden, SupportAnswer.NotCommittee.Message, cancellationToken);
        }

        if (await HttpBodies.ReadAsync(request, MaxBodyBytes, cancellationToken) is not { } bytes)
        {
            return await request.ErrorAsync(HttpStatusCode.RequestEntityTooLarge, $"Запрос длиннее {MaxBodyBytes / 1024} КиБ: сократите комментарий.", cancellationToken);
        }

        if (HttpBodies.JsonOf<T>(bytes) is not { } body)
        {
            return await request.ErrorAsync(HttpStatusCode.BadRequest, $"Тело запроса должно быть JSON вида {example}; сумма (amount) — число.", cancellationToken);
        }

        var answer = await write(key, body);
        logger.LogInformation("Support {Action} by {Key}: {Outcome} ({Problems} problems)", typeof(T).Name, key.IsMaster ? "master key" : key.Name, answer.Outcome, answer.Problems.Count);
        return answer.Outcome switch
        {
            SupportOutcome.Done => await request.JsonAsync(HttpStatusCode.OK, new { outcome = "done", decision = answer.Decision, message = answer.Message }, cancellationToken),
            SupportOutcome.Refused => await request.ErrorAsync(HttpStatusCode.UnprocessableEntity, answer.Message, cancellationToken, answer.Problems),
            SupportOutcome.Forbidden => await request.ErrorAsync(HttpStatusCode.Forbidden, answer.Message, cancellationToken),
            SupportOutcome.Conflict => await request.ErrorAsync(HttpStatusCode.Conflict, answer.Message, cancellationToken),
            _ => await request.ErrorAsync(HttpStatusCode.NotFound, answer.Message, cancellationToken),
        };
    }
}
