using SchoolRisk.Application.Messaging;
using SchoolRisk.Domain.Notices.Deliveries;

namespace SchoolRisk.Application.Notices;

/// <summary>
/// What became of a notice's deliveries: how many were sent now, how many had been sent before (skipped), and the
/// reasons of those that failed permanently or are still failing transiently, each «{recipient}, {channel}: {reason}» in Russian.
/// </summary>
public sealed record DeliveryOutcome(int Sent, int AlreadySent, IReadOnlyList<string> Permanent, IReadOnlyList<string> Transient)
{
    /// <summary>The counts and every failure's reason on one line, for the invocation log.</summary>
    public string Summary =>
        $"{Sent} sent, {AlreadySent} already sent before, {Permanent.Count} failed permanently, {Transient.Count} to retry"
        + string.Concat(Permanent.Concat(Transient).Select(reason => $"; {reason}"));

    /// <summary>
    /// The notice's status in the notifications table (<see cref="Storage.Notifications.NoticeStatus"/>) and its reason in Russian,
    /// as <see cref="DeliveryPolicy.Resolve"/> decides: <c>Retrying</c> while a transient failure remains (the invocation
    /// must fail, so the queue retries it), <c>Failed</c> when only permanent ones remain (handled: the message
    /// completes), otherwise <c>Delivered</c>.
    /// </summary>
    /// <param name="alsoPermanent">Permanent failures found before sending, such as a recipient without any address.</param>
    /// <param name="queue">The queue the notice came on (<c>risk-notifications</c>, <c>digest-requests</c>), whose poison queue a <c>Retrying</c> reason names.</param>
    public (string Status, string? Reason) NoticeStatus(IReadOnlyList<string> alsoPermanent, string queue)
    {
        ArgumentNullException.ThrowIfNull(alsoPermanent);
        var permanent = alsoPermanent.Concat(Permanent).ToList();
        return DeliveryPolicy.Resolve(Transient.Count, permanent.Count) switch
        {
            NoticeResolution.Retry => (Storage.Notifications.NoticeStatus.Retrying, string.Join(" | ", Transient.Concat(permanent)) + " " + RetryingNote(queue)),
            NoticeResolution.GiveUp => (Storage.Notifications.NoticeStatus.Failed, string.Join(" | ", permanent) + " " + FailedNote),
            _ => (Storage.Notifications.NoticeStatus.Delivered, null),
        };
    }

    /// <summary>What a <c>Failed</c> notice's reason ends with: nothing retries it until someone does.</summary>
    public const string FailedNote = "Автоматически не повторяется: устраните причину и отправьте снова командой schoolrisk notices replay --failed (уже доставленное не повторится).";

    /// <summary>What a <c>Retrying</c> notice's reason ends with: the queue retries it, and then it waits in <c>{queue}-poison</c>.</summary>
    public static string RetryingNote(string queue) =>
        $"Доставка повторяется автоматически; если все попытки не удадутся, уведомление останется в очереди {QueueNames.PoisonOf(queue)} до команды " +
        $"schoolrisk notices replay{(queue == QueueNames.RiskNotifications ? string.Empty : $" --queue {queue}")}.";
}
