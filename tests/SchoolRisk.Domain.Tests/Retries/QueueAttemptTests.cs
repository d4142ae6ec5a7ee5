using SchoolRisk.Domain.Retries;

namespace SchoolRisk.Domain.Tests.Retries;

public sealed class QueueAttemptTests
{
    [Theory]
    [InlineData(1, 5, false)]
    [InlineData(4, 5, false)]
    [InlineData(5, 5, true)]
    [InlineData(6, 5, true)]
    [InlineData(1, 1, true)]
    public void IsLast_OnlyFromTheQueuesLastDeliveryOn(int number, int maxAttempts, bool last) =>
        Assert.Equal(last, new QueueAttempt(number, maxAttempts).IsLast);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Number_AMissingOrImpossibleDequeueCount_ReadsAsTheFirstDelivery(int number)
    {
        var attempt = new QueueAttempt(number, 5);

        Assert.Equal(1, attempt.Number);
        Assert.False(attempt.IsLast);
    }

    [Fact]
    public void Constructor_NoDeliveryAtAll_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new QueueAttempt(1, 0));
}
