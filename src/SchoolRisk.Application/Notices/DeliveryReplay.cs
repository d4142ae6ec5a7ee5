using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Application.Notices;

/// <summary>
/// The committee sends again from its page (<c>DeliveryReplay</c>) what <c>schoolrisk notices replay</c> sends again,
/// addressed the same way (<see cref="DeliveryReplayRequest"/>): the failed notices of a period
/// (<c>--failed --period p</c>, <see cref="FailedNoticeReplay"/>) or the messages of a queue's poison queue
/// (<c>--queue q</c>, <see cref="Storage.PoisonMessages.ReplayAsync"/>). What was already sent is not sent again (the
/// deliveries' dedupe keys). Only the committee's key (or the master key) may.
/// </summary>
public sealed class DeliveryReplay(FailedNoticeReplay failed, PoisonQueues poison)
{
    /// <param name="scope">What the caller may do: only the committee replays.</param>
    /// <param name="request">What to send again.</param>
    /// <param name="cancellationToken">Cancels the replay (what was moved stays moved).</param>
    /// <returns>
    /// How many notices, digest requests or messages were queued again, with a Russian sentence saying what was done;
    /// or why not: forbidden (not the committee), invalid (neither or both of <c>failed</c> and <c>queue</c>, a period
    /// with <c>queue</c> or one that is not a period, a queue the workflow does not have).
    /// </returns>
    public async Task<ViewAnswer<DeliveryReplayView>> ReplayAsync(AccessScope scope, DeliveryReplayRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        if (!scope.Committee)
        {
            return ViewAnswer.NotCommittee<DeliveryReplayView>();
        }

        if (request.Failed == (request.Queue is not null))
        {
            return ViewAnswer.Invalid<DeliveryReplayView>(
                "Укажите одно: {\"failed\": true, \"period\": \"2023-2024\"} — отправить снова неудавшиеся уведомления, или {\"queue\": \"risk-notifications\"} — вернуть сообщения из очереди недоставленных.");
        }

        if (request.Queue is { } queue)
        {
            if (request.Period is not null)
            {
                return ViewAnswer.Invalid<DeliveryReplayView>("Учебный год указывается только с \"failed\": очередь недоставленных возвращается целиком, как командой schoolrisk notices replay --queue.");
            }

            if (!QueueNames.All.Contains(queue, StringComparer.Ordinal))
            {
                return ViewAnswer.Invalid<DeliveryReplayView>($"Очереди «{queue}» нет; есть: {string.Join(", ", QueueNames.All)}.");
            }

            var messages = poison.Of(queue);
            var moved = await messages.ReplayAsync(cancellationToken);
            return ViewAnswer.Found(new DeliveryReplayView(
                moved,
                moved == 0
                    ? $"В очереди {messages.Name} нет сообщений: возвращать нечего."
                    : $"Из очереди {messages.Name} в очередь {queue} возвращено сообщений: {moved}. Они будут обработаны снова; уже отправленное не повторится."));
        }

        Period? period = null;
        if (request.Period is { } text)
        {
            if (!Period.TryParse(text, out var parsed))
            {
                return ViewAnswer.Invalid<DeliveryReplayView>(Period.ProblemOf(text)!);
            }

            period = parsed;
        }

        var queued = await failed.ReplayAsync(period, cancellationToken);
        var of = period is { } one ? $" за {one}" : string.Empty;
        return ViewAnswer.Found(new DeliveryReplayView(
            queued,
            queued == 0
                ? $"Неудавшихся уведомлений{of} нет: отправлять снова нечего."
                : $"Снова поставлено в очередь на отправку неудавшихся уведомлений и сводок{of}: {queued}. Уже доставленное не повторится."));
    }
}
