using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Testing;

namespace SchoolRisk.Storage.Tests.Notifications;

public sealed class DigestScheduleTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Noon = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ARequest_IsLatest_UntilALaterOne_AndAPostponementEndsItWithoutQueueingAnother()
    {
        var schedule = await ScheduleAsync("digest-schedule-a");
        var period = Period.Parse("2019-2020");

        await schedule.ScheduleAsync(period, Noon, "first", TimeSpan.Zero, TestContext.Current.CancellationToken);
        Assert.True(await schedule.IsLatestAsync(period, Noon, TestContext.Current.CancellationToken));

        await schedule.PostponeAsync(period, Noon.AddSeconds(1), TestContext.Current.CancellationToken);
        Assert.False(await schedule.IsLatestAsync(period, Noon, TestContext.Current.CancellationToken));
        Assert.Equal(1, await azurite.Storage.PendingMessagesAsync("digest-schedule-a", TestContext.Current.CancellationToken));

        await schedule.ScheduleAsync(period, Noon.AddSeconds(2), "after the recalculation", TimeSpan.Zero, TestContext.Current.CancellationToken);
        Assert.True(await schedule.IsLatestAsync(period, Noon.AddSeconds(2), TestContext.Current.CancellationToken));
        Assert.True(await schedule.IsLatestAsync(Period.Parse("2020-2021"), Noon, TestContext.Current.CancellationToken));
    }

    private async Task<DigestSchedule> ScheduleAsync(string queue)
    {
        await azurite.Storage.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        return new DigestSchedule(azurite.Storage, queue);
    }
}
