namespace SchoolRisk.LocalHost;

/// <summary>
/// The wait between polls that find nothing, as the Functions host's queue listener backs off: it doubles from the
/// shortest wait up to the longest, and a poll that finds work starts again from the shortest. Used by the queue
/// triggers and by Event Grid's stand-in.
/// </summary>
internal static class PollingBackoff
{
    /// <summary>The wait after <paramref name="current"/> found nothing: twice it, at most <paramref name="longest"/> (never below <paramref name="shortest"/>).</summary>
    public static TimeSpan Next(TimeSpan current, TimeSpan shortest, TimeSpan longest) =>
        TimeSpan.FromTicks(Math.Min(current.Ticks * 2, Math.Max(longest.Ticks, shortest.Ticks)));
}
