using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Zones;

public sealed class PriorZoneTests
{
    [Fact]
    public void Of_ARowStillUnderAnotherVersion_IsItsOwnZoneAndVersion() =>
        Assert.Equal(new PriorZone(Zone.Medium, TestIds.Version("aaaa")), PriorZone.Of(TestIds.Version("bbbb"), Zone.Medium, TestIds.Version("aaaa"), Zone.High, TestIds.Version("older")));

    [Fact]
    public void Of_ARowARecalculationAlreadyBroughtToTheVersion_IsWhatItKept() =>
        // A recalculation killed half-way rewrote the row: the zone before the rules is kept on it, not the new one.
        Assert.Equal(new PriorZone(Zone.None, TestIds.Version("aaaa")), PriorZone.Of(TestIds.Version("bbbb"), Zone.High, TestIds.Version("bbbb"), Zone.None, TestIds.Version("aaaa")));

    [Fact]
    public void Of_ARowAnUploadBroughtToTheVersion_HasNone() =>
        Assert.Null(PriorZone.Of(TestIds.Version("bbbb"), Zone.High, TestIds.Version("bbbb"), null, null));

    [Fact]
    public void Of_AKeptZoneWithoutItsVersion_KeepsTheZone_VersionUnknown() =>
        Assert.Equal(new PriorZone(Zone.Medium, null), PriorZone.Of(TestIds.Version("bbbb"), Zone.High, TestIds.Version("bbbb"), Zone.Medium, null));
}
