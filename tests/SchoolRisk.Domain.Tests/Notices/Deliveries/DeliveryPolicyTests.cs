using SchoolRisk.Domain.Notices.Deliveries;

namespace SchoolRisk.Domain.Tests.Notices.Deliveries;

public sealed class DeliveryPolicyTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData(DeliveryStatus.Retrying, true)]
    [InlineData(DeliveryStatus.Failed, true)]
    [InlineData(DeliveryStatus.Sent, false)]
    public void ShouldSend_OnlyWhatWasNeverSent(DeliveryStatus? recorded, bool send) =>
        Assert.Equal(send, DeliveryPolicy.ShouldSend(recorded));

    [Theory]
    [InlineData(true, DeliveryStatus.Failed)]
    [InlineData(false, DeliveryStatus.Retrying)]
    public void AfterFailure_APermanentOneIsGivenUp_ATransientOneRetried(bool permanent, DeliveryStatus recorded) =>
        Assert.Equal(recorded, DeliveryPolicy.AfterFailure(permanent));

    [Theory]
    [InlineData(0, 0, NoticeResolution.Delivered)]
    [InlineData(0, 1, NoticeResolution.GiveUp)]
    [InlineData(0, 3, NoticeResolution.GiveUp)]
    [InlineData(1, 0, NoticeResolution.Retry)]
    [InlineData(1, 2, NoticeResolution.Retry)]
    public void Resolve_RetriesWhileATransientFailureRemains_GivesUpOnlyOnPermanentOnes(int transient, int permanent, NoticeResolution resolution) =>
        Assert.Equal(resolution, DeliveryPolicy.Resolve(transient, permanent));

    [Fact]
    public void Resolve_ANegativeCount_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeliveryPolicy.Resolve(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeliveryPolicy.Resolve(0, -1));
    }
}
