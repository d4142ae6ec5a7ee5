namespace SchoolRisk.Domain.Notices.Deliveries;

/// <summary>
/// When a notice's deliveries are made, tried again or given up. A delivery is sent unless the log says it was sent
/// (a redelivered message, a retry after a crash, a replay or the same upload again send nothing twice; one that failed
/// is tried again). A failed send is retried when the failure is transient (a server down, a timeout, an SMTP 4xx reply,
/// a webhook's 408/429/5xx; also any failure no sender classified, a fault of the system) and given up when it is
/// permanent (a person must fix an address, the recipients directory, the relay's certificate or credentials). The
/// notice as a whole is retried while any transient failure remains, given up when only permanent ones do, delivered
/// otherwise: so the queue retries exactly what retrying can mend.
/// </summary>
public static class DeliveryPolicy
{
    /// <summary>Whether to send a planned delivery, given its status in the deliveries log (<c>null</c>: never tried).</summary>
    public static bool ShouldSend(DeliveryStatus? recorded) => recorded != DeliveryStatus.Sent;

    /// <summary>What a failed send is recorded as: <see cref="DeliveryStatus.Failed"/> when permanent, <see cref="DeliveryStatus.Retrying"/> otherwise.</summary>
    public static DeliveryStatus AfterFailure(bool permanent) => permanent ? DeliveryStatus.Failed : DeliveryStatus.Retrying;

    /// <summary>
    /// How the notice ends, from the counts of its deliveries that failed transiently and permanently (including
    /// permanent problems found before sending, such as a recipient without any address).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count.</exception>
    public static NoticeResolution Resolve(int transientFailures, int permanentFailures)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(transientFailures);
        ArgumentOutOfRangeException.ThrowIfNegative(permanentFailures);
        return transientFailures > 0 ? NoticeResolution.Retry
            : permanentFailures > 0 ? NoticeResolution.GiveUp
            : NoticeResolution.Delivered;
    }
}
