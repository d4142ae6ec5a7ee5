using Microsoft.Extensions.Logging;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Rules;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// The workflow behind <c>PreviewRules</c>: a rule administrator's request to preview a candidate on a stored period. The
/// body is a <see cref="RuleDraft"/> (files that replace, join or remove the active version's files, and number edits);
/// the candidate goes through <see cref="RulePreview"/>: validated as an activation would be and evaluated against the
/// period's stored data. Nothing is activated or written. Only the holder of <see cref="AccessScope.RulesAdministratorKey"/>
/// or the master key may ask; the log names the key the caller presented.
/// </summary>
public sealed class RulePreviewHandler(RuleStore store, RulePreview preview, ILogger<RulePreviewHandler> logger)
{
    /// <param name="keyName">The name of the function key the caller presented; <c>null</c> when none.</param>
    /// <param name="masterKey">Whether the caller presented the master key.</param>
    /// <param name="period">The route's period, like <c>2023-2024</c>.</param>
    /// <param name="body">The request's body.</param>
    /// <param name="cancellationToken">Cancels the preview.</param>
    public async Task<RuleAnswer<RulePreviewResult>> PreviewAsync(string? keyName, bool masterKey, string? period, string? body, CancellationToken cancellationToken)
    {
        if (!AccessScope.Of(keyName, masterKey).RulesAdministrator)
        {
            return RuleAnswer.Refusal<RulePreviewResult>(RuleAnswerKind.Forbidden, $"Предпросмотр правил доступен только с ключом «{AccessScope.RulesAdministratorKey}»; с ключом «{keyName}» — нет.");
        }

        if (!Period.TryParse(period, out var parsed))
        {
            return RuleAnswer.Refusal<RulePreviewResult>(RuleAnswerKind.Malformed, Period.ProblemOf(period)!);
        }

        if (!RuleDoors.TryReadDraft(body, out var draft, out var error))
        {
            return RuleAnswer.Refusal<RulePreviewResult>(RuleAnswerKind.Malformed, error);
        }

        var active = await store.ActiveAsync(cancellationToken) is { } pointer ? await store.ReadVersionAsync(pointer.Version, cancellationToken) : [];
        var candidate = draft.CandidateOf(active);
        if (candidate.Problems.Count > 0)
        {
            return RuleAnswer.Refusal<RulePreviewResult>(RuleAnswerKind.Refused, "Правки не применяются к файлам правил; ничего не вычислялось.", candidate.Problems);
        }

        var result = await preview.PreviewAsync(parsed, candidate.Files, active, cancellationToken);
        var caller = masterKey ? "master key" : $"function key '{keyName}'";
        logger.LogInformation(
            "Rule preview of {CandidateVersion} on {Period} by {Caller}: {Problems} problems, {Changes} zone changes, {Removed} blocks no longer evaluated",
            result.CandidateVersion?.ToString(), parsed.ToString(), caller, result.Problems.Count, result.Changes.Count, result.Removed.Count);
        return result.Problems.Count > 0
            ? RuleAnswer.Refusal<RulePreviewResult>(
                RuleAnswerKind.Refused,
                result.CandidateVersion is null
                    ? "Правила-кандидат не прошли проверку; ничего не вычислялось."
                    : $"Правила-кандидат не вычисляются на данных за {parsed}; ничего не изменено.",
                result.Problems)
            : RuleAnswer.Done(result, $"Preview of {result.CandidateVersion} on {parsed} by {caller}: {result.Changes.Count} of {result.SchoolsEvaluated} schools would change zone.");
    }
}
