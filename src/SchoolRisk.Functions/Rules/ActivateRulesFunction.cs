using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Recalculation;
using SchoolRisk.Application.Rules;
using SchoolRisk.Functions.Http;

namespace SchoolRisk.Functions.Rules;

/// <summary>
/// <c>ActivateRules</c>: <c>POST /api/rules/activate</c> with a <see cref="RuleDraft"/>, <c>reason</c> and optionally
/// <c>by</c>, <c>reevaluate</c> (a period), <c>allowRemoval</c> → <see cref="RuleAdministrationHandler.ActivateAsync"/>;
/// <c>RollbackRules</c>: <c>POST /api/rules/rollback</c> with <c>version</c> and the same → <see cref="RuleAdministrationHandler.RollbackAsync"/>.
/// 200 with <c>{outcome: activated|unchanged, version, message}</c> (and the period's re-evaluation queued when asked);
/// 422 with every problem when refused (recorded as a rejection; the version in force stays); 400 for a malformed body; 413 for one longer than any rule set;
/// 403 for a key that may not administer the rules.
/// </summary>
public sealed class ActivateRulesFunction(RuleAdministrationHandler rules, ILogger<ActivateRulesFunction> logger)
{
    [Function("ActivateRules")]
    public async Task<RuleActivationOutputs> ActivateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "rules/activate")] HttpRequestData request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RuleAnswers.BodyAsync(request, cancellationToken) is not { } body)
        {
            return new(await RuleAnswers.TooLargeAsync(request, cancellationToken), null);
        }

        var key = CallerKey.Of(request);
        return await OutputsAsync(request, await rules.ActivateAsync(key.Name, key.IsMaster, body, cancellationToken), cancellationToken);
    }

    [Function("RollbackRules")]
    public async Task<RuleActivationOutputs> RollbackAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "rules/rollback")] HttpRequestData request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RuleAnswers.BodyAsync(request, cancellationToken) is not { } body)
        {
            return new(await RuleAnswers.TooLargeAsync(request, cancellationToken), null);
        }

        var key = CallerKey.Of(request);
        return await OutputsAsync(request, await rules.RollbackAsync(key.Name, key.IsMaster, body, cancellationToken), cancellationToken);
    }

    private async Task<RuleActivationOutputs> OutputsAsync(HttpRequestData request, RuleAnswer<RuleActivationView> answer, CancellationToken cancellationToken) =>
        new(await RuleAnswers.HttpAsync(request, answer, logger, cancellationToken), answer.Result?.Recalculation);
}

/// <summary>The outputs of <c>ActivateRules</c> and <c>RollbackRules</c>: the HTTP answer, and the re-evaluation of a period when asked.</summary>
public sealed record RuleActivationOutputs(
    [property: HttpResult] HttpResponseData Response,
    [property: QueueOutput(QueueNames.PeriodRecalculations)] RecalculationRequest? Recalculation);
