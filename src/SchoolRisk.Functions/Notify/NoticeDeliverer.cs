using Polly;
using Polly.Retry;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Notifications;

namespace SchoolRisk.Functions.Notify;

/// <summary>
/// Sends each delivery once: one already recorded as sent is skipped (a redelivered message, a retry after a crash, a
/// replay, the same upload run again); the others are sent, a transient failure retried with exponential backoff
/// (Polly) within the invocation, and every outcome recorded in the deliveries table with its reason.
/// </summary>
public sealed class NoticeDeliverer(IEnumerable<IDeliverySender> senders, DeliveryTable deliveries, DeliveryOptions options, TimeProvider time, ILogger<NoticeDeliverer> logger)
{
    private readonly Dictionary<DeliveryChannel, IDeliverySender> _senders = senders.ToDictionary(sender => sender.Channel);

    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<DeliveryFailedException>(exception => !exception.Permanent),
            MaxRetryAttempts = Math.Max(0, options.Attempts - 1),
            Delay = options.RetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    public async Task<DeliveryOutcome> DeliverAsync(Period period, IReadOnlyList<Delivery> planned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var (sent, alreadySent, permanent, transient) = (0, 0, new List<string>(), new List<string>());
        foreach (var delivery in planned)
        {
            if ((await deliveries.GetAsync(period, delivery, cancellationToken))?.Status == DeliveryStatus.Sent)
            {
                alreadySent++;
                continue;
            }

            try
            {
                await _retry.ExecuteAsync(async token => await _senders[delivery.Channel].SendAsync(delivery, token), cancellationToken);
                await deliveries.RecordAsync(period, delivery, DeliveryStatus.Sent, null, cancellationToken);
                sent++;
                logger.LogInformation("Delivery {DeliveryId} ({Kind}) sent to {RecipientId} by {Channel}", delivery.DeliveryId, delivery.Kind, delivery.Recipient.RecipientId, delivery.Channel);
            }
            catch (DeliveryFailedException exception)
            {
                await deliveries.RecordAsync(period, delivery, exception.Permanent ? DeliveryStatus.Failed : DeliveryStatus.Retrying, exception.Message, cancellationToken);
                (exception.Permanent ? permanent : transient).Add($"{delivery.Recipient.RecipientId} {delivery.Channel}: {exception.Message}");
                logger.LogWarning(
                    "Delivery {DeliveryId} to {RecipientId} by {Channel} failed ({Kind}): {Reason}",
                    delivery.DeliveryId, delivery.Recipient.RecipientId, delivery.Channel, exception.Permanent ? "permanent" : "transient", exception.Message);
            }
        }

        return new DeliveryOutcome(sent, alreadySent, permanent, transient);
    }
}
