using System.Diagnostics;

namespace SchoolRisk.Testing;

/// <summary>
/// Waits for an outcome by polling it, never by sleeping a fixed time: returns as soon as it holds, fails at the deadline.
/// The wait between reads grows from 100 ms to <see cref="LongestWait"/>: a read is a request to Azurite, MailDev or the
/// host, and the suite's dozens of deployments share two cores, so a test waiting half a minute for a poison queue asks
/// some 40 times, not 300 (docs/performance.md).
/// </summary>
public static class Poll
{
    /// <summary>
    /// How long an outcome may take unless a test says otherwise: far beyond what it takes (seconds), because the whole
    /// suite runs on two cores and a deadline is only reached when something is wrong.
    /// </summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromMinutes(2);

    /// <summary>The longest wait between two reads: an outcome is seen at most this late.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(1);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> holds, string what, TimeSpan? deadline = null)
    {
        var limit = deadline ?? DefaultDeadline;
        var clock = Stopwatch.StartNew();
        var wait = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            var value = await read();
            if (holds(value))
            {
                return value;
            }

            if (clock.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit} waiting for {what}; last value: {Describe(value)}");
            }

            await Task.Delay(wait, TestContext.Current.CancellationToken);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 3 / 2, LongestWait.Ticks));
        }
    }

    private static string Describe<T>(T value) =>
        value is System.Collections.ICollection collection ? $"{collection.Count} items" : value?.ToString() ?? "null";
}
