namespace SchoolRisk.Functions.Notify;

/// <summary>
/// What became of a notice's deliveries: how many were sent now, how many had been sent before (skipped), and the
/// reasons of those that failed permanently or are still failing transiently.
/// </summary>
public sealed record DeliveryOutcome(int Sent, int AlreadySent, IReadOnlyList<string> Permanent, IReadOnlyList<string> Transient)
{
    public string Summary =>
        $"{Sent} sent, {AlreadySent} already sent before, {Permanent.Count} failed permanently, {Transient.Count} to retry"
        + string.Concat(Permanent.Concat(Transient).Select(reason => $"; {reason}"));
}
