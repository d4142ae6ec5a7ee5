using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Notifications;

namespace SchoolRisk.Application.Notices;

/// <summary>
/// Sends each delivery once, as <see cref="DeliveryPolicy"/> says: one already recorded as sent is skipped (a redelivered message, a retry after a crash, a
/// replay, the same upload run again); the others are sent, a transient failure retried with exponential backoff
/// (Polly) within the invocation, and every outcome recorded in the deliveries table with its reason:
/// <see cref="DeliveryStatus.Sent"/>, <see cref="DeliveryStatus.Failed"/> (permanent) or <see cref="DeliveryStatus.Retrying"/>.
/// Whatever one send throws, the others are still made: an exception no sender classified counts as transient (a fault
/// of the system, which the queue retries), with its type and message as the reason. Only the invocation's cancellation
/// and a failure of the deliveries table itself end the loop.
/// </summary>
public sealed class NoticeDeliverer(IEnumerable<IDeliverySender> senders, DeliveryTable deliveries, DeliveryOptions options, TimeProvider time, ILogger<NoticeDeliverer> logger)
{
    private readonly Dictionary<DeliveryChannel, IDeliverySender> _senders = senders.ToDictionary(sender => sender.Channel);

    /// <summary>Transient failures tried again within the invocation: <see cref="DeliveryOptions.Attempts"/> tries in all (one: no retry here).</summary>
    private readonly ResiliencePipeline _retry = options.Attempts <= 1
        ? ResiliencePipeline.Empty
        : new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DeliveryFailedException>(exception => !exception.Permanent),
                MaxRetryAttempts = options.Attempts - 1,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();

    /// <summary>Makes the <paramref name="planned"/> deliveries of a notice or digest of <paramref name="period"/> that were not sent before.</summary>
    /// <returns>How many were sent now or before, and the reasons of those that failed, permanent and transient apart.</returns>
    public async Task<DeliveryOutcome> DeliverAsync(Period period, IReadOnlyList<Delivery> planned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var (sent, alreadySent, permanent, transient) = (0, 0, new List<string>(), new List<string>());
        foreach (var delivery in planned)
        {
            if (!DeliveryPolicy.ShouldSend((await deliveries.GetAsync(period, delivery, cancellationToken))?.Status))
            {
                alreadySent++;
                continue;
            }

            DeliveryFailedException? failure = null;
            try
            {
                await _retry.ExecuteAsync(async token => await _senders[delivery.Channel].SendAsync(delivery, token), cancellationToken);
            }
            catch (DeliveryFailedException exception)
            {
                failure = exception;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                failure = new DeliveryFailedException($"непредвиденная ошибка при доставке ({exception.GetType().Name}): {exception.Message}", permanent: false, exception);
            }

            if (failure is null)
            {
                await deliveries.RecordAsync(period, delivery, DeliveryStatus.Sent, null, cancellationToken);
                sent++;
                logger.LogInformation("Delivery {DeliveryId} ({Kind}) sent to {RecipientId} by {Channel}", delivery.DeliveryId, delivery.Kind, delivery.Recipient.RecipientId, delivery.Channel);
                continue;
            }

            await deliveries.RecordAsync(period, delivery, DeliveryPolicy.AfterFailure(failure.Permanent), failure.Message, cancellationToken);
            (failure.Permanent ? permanent : transient).Add($"{delivery.Recipient.RecipientId}, {delivery.ChannelName}: {failure.Message}");
            logger.LogWarning(
                failure.InnerException,
                "Delivery {DeliveryId} to {RecipientId} by {Channel} failed ({Kind}): {Reason}",
                delivery.DeliveryId, delivery.Recipient.RecipientId, delivery.Channel, failure.Permanent ? "permanent" : "transient", failure.Message);
        }

        return new DeliveryOutcome(sent, alreadySent, permanent, transient);
    }
}
