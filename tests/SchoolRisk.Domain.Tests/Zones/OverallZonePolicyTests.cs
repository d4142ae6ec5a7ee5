using SchoolRisk.Domain.Classification;
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

    [Theory]
    [InlineData(new Zone[0], false, true, Zone.Medium, new[] { ZoneReason.UnfavourableConditions })]
    [InlineData(new Zone[0], true, false, Zone.High, new[] { ZoneReason.LowResults })]
    [InlineData(new[] { Zone.Medium, Zone.Medium }, false, false, Zone.Medium, new[] { ZoneReason.MediumIndicators })]
    [InlineData(new[] { Zone.Medium, Zone.Medium }, false, true, Zone.Medium, new[] { ZoneReason.MediumIndicators, ZoneReason.UnfavourableConditions })]
    [InlineData(new[] { Zone.High, Zone.Medium, Zone.Medium }, true, true, Zone.High, new[] { ZoneReason.HighIndicator, ZoneReason.LowResults })]
    [InlineData(new[] { Zone.Medium }, false, false, Zone.None, new ZoneReason[0])]
    public void ReasonsFor_AreWhatPutsTheSchoolInItsZone(Zone[] indicatorZones, bool lowResults, bool unfavourable, Zone zone, ZoneReason[] reasons)
    {
        var classification = SchoolClassification.None with { LowResults = lowResults, UnfavourableConditions = unfavourable };

        Assert.Equal(reasons, OverallZonePolicy.Default.ReasonsFor(indicatorZones, classification));
        Assert.Equal(zone, OverallZonePolicy.Default.Derive(indicatorZones, classification));
    }

    [Fact]
    public void ReasonsFor_EveryCombination_AMediumOrHighZoneAlwaysHasAReasonOfThatZone()
    {
        Zone[][] indicatorSets = [[], [Zone.Medium], [Zone.Medium, Zone.Medium], [Zone.High], [Zone.High, Zone.Medium]];
        foreach (var zones in indicatorSets)
        {
            foreach (var (low, unfavourable) in new[] { (false, false), (false, true), (true, false), (true, true) })
            {
                var classification = SchoolClassification.None with { LowResults = low, UnfavourableConditions = unfavourable };
                var zone = OverallZonePolicy.Default.Derive(zones, classification);
                var reasons = OverallZonePolicy.Default.ReasonsFor(zones, classification);

                Assert.Equal(zone != Zone.None, reasons.Count > 0);
                Assert.All(reasons, reason => Assert.Equal(zone, OverallZonePolicy.ZoneOf(reason)));
            }
        }
    }

    [Fact]
    public void Derive_OneMediumNeeded_OneMediumIsMedium() =>
        Assert.Equal(Zone.Medium, new OverallZonePolicy { MediumIndicatorsForMedium = 1 }.Derive([Zone.Medium]));
}
