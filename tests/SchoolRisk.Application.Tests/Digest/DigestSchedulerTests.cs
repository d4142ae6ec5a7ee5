using Microsoft.Extensions.Time.Testing;
using SchoolRisk.Application.Digest;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Testing;

namespace SchoolRisk.Application.Tests.Digest;

/// <summary>
/// A burst of recalculations makes one digest: each asks for it as of its own time, a delay later, and only the
/// latest request is made; a recalculation about to start ends every earlier one. The clock is a fake one the test moves,
/// so the burst takes no time; the delay is the queue message's visibility.
/// </summary>
public sealed class DigestSchedulerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Period Period = Period.Parse("2023-2024");

    [Fact]
    public async Task ABurstOfRequests_OnlyTheLatestIsMade_APostponementEndsThemAll_AndEachWaitsItsDelay()
    {
        var (schedule, queue) = await ScheduleAsync("digest-burst");
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var scheduler = new DigestScheduler(schedule, clock);

        await scheduler.RequestAsync(Period, TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
        var first = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(40));
        await scheduler.RequestAsync(Period, TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
        var second = clock.GetUtcNow();

        Assert.False(await schedule.IsLatestAsync(Period, first, TestContext.Current.CancellationToken));
        Assert.True(await schedule.IsLatestAsync(Period, second, TestContext.Current.CancellationToken));
        // Both wait their delay on the queue: none can be received yet, and each carries the time it was asked at.
        Assert.Empty((await queue.ReceiveMessagesAsync(32, cancellationToken: TestContext.Current.CancellationToken)).Value);
        Assert.Equal(2, await azurite.Storage.PendingMessagesAsync(queue.Name, TestContext.Current.CancellationToken));

        clock.Advance(TimeSpan.FromSeconds(1));
        await scheduler.PostponeAsync(Period, TestContext.Current.CancellationToken);

        Assert.False(await schedule.IsLatestAsync(Period, second, TestContext.Current.CancellationToken));
        clock.Advance(TimeSpan.FromSeconds(1));
        await scheduler.RequestAsync(Period, TimeSpan.Zero, TestContext.Current.CancellationToken);
        var afterRecalculation = Assert.Single((await queue.ReceiveMessagesAsync(32, cancellationToken: TestContext.Current.CancellationToken)).Value);
        Assert.Equal(new DigestRequest(Period, clock.GetUtcNow()), System.Text.Json.JsonSerializer.Deserialize<DigestRequest>(afterRecalculation.MessageText, MessageJson.Options));
        Assert.True(await schedule.IsLatestAsync(Period, clock.GetUtcNow(), TestContext.Current.CancellationToken));
    }

    private async Task<(DigestSchedule Schedule, Azure.Storage.Queues.QueueClient Queue)> ScheduleAsync(string queue)
    {
        await azurite.Storage.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        var client = azurite.Storage.Queues.GetQueueClient(queue);
        await client.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        return (new DigestSchedule(azurite.Storage, queue), client);
    }
}
