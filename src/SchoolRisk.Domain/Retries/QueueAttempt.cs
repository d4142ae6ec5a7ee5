namespace SchoolRisk.Domain.Retries;

/// <summary>
/// Which delivery of a queue message an invocation is: <see cref="Number"/> (the message's dequeue count, 1 for the
/// first) of at most <see cref="MaxAttempts"/> (the queue's <c>maxDequeueCount</c>, after which the message waits in its
/// poison queue). A failure of the last one is not retried by anything but a person.
/// </summary>
public readonly record struct QueueAttempt
{
    /// <param name="number">The dequeue count, 1 for the first delivery; a missing or lower count reads as 1.</param>
    /// <param name="maxAttempts">How many deliveries the queue makes, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxAttempts"/> below 1.</exception>
    public QueueAttempt(int number, int maxAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        Number = Math.Max(number, 1);
        MaxAttempts = maxAttempts;
    }

    /// <summary>The delivery this is, 1 for the first.</summary>
    public int Number { get; }

    /// <summary>How many deliveries the queue makes before the message goes to its poison queue.</summary>
    public int MaxAttempts { get; }

    /// <summary>Whether a failure now ends the retries (the message goes to its poison queue); a count beyond the maximum is last too.</summary>
    public bool IsLast => Number >= MaxAttempts;
}
