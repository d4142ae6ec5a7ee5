using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Zones;

public sealed class OverallZonePolicyTests
{
    [Theory]
    [InlineData(new Zone[0], Zone.None)]
    [InlineData(new[] { Zone.Medium }, Zone.None)]
    [InlineData(new[] { Zone.Medium, Zone.Medium }, Zone.Medium)]
    [InlineData(new[] { Zone.None, Zone.High }, Zone.High)]
    [InlineData(new[] { Zone.Medium, Zone.High, Zone.Medium }, Zone.High)]
    public void Derive_DefaultPolicy_FollowsTheMethodology(Zone[] indicatorZones, Zone expected) =>
        Assert.Equal(expected, OverallZonePolicy.Default.Derive(indicatorZones));

    [Fact]
    public void Derive_OneMediumNeeded_OneMediumIsMedium() =>
        Assert.Equal(Zone.Medium, new OverallZonePolicy { MediumIndicatorsForMedium = 1 }.Derive([Zone.Medium]));
}
