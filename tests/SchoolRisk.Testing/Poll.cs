using System.Diagnostics;

namespace SchoolRisk.Testing;

/// <summary>Waits for an outcome by polling it, never by sleeping a fixed time: returns as soon as it holds, fails at the deadline.</summary>
public static class Poll
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(60);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> holds, string what, TimeSpan? deadline = null)
    {
        var limit = deadline ?? DefaultDeadline;
        var clock = Stopwatch.StartNew();
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

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static string Describe<T>(T value) =>
        value is System.Collections.ICollection collection ? $"{collection.Count} items" : value?.ToString() ?? "null";
}
