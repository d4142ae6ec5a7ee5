using SchoolRisk.Application.Messaging;

namespace SchoolRisk.Application.Views;

/// <summary>
/// The answer of <c>Deliveries</c>: the period's notices, most recently changed first, each with its deliveries;
/// <see cref="FailedCount"/> notices ended <c>Failed</c> (a person must fix the cause, then replay them with
/// <c>{"failed": true, "period": …}</c>), <see cref="RetryingCount"/> are being retried; <see cref="Poison"/> the poison
/// queues that hold messages (replayed with <c>{"queue": …}</c>).
/// </summary>
public sealed record DeliveriesView(string Period, IReadOnlyList<NoticeDeliveryView> Notices, int FailedCount, int RetryingCount, IReadOnlyList<PoisonQueueView> Poison);
