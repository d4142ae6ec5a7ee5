using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Zones;

public sealed class PriorZoneTests
{
    [Fact]
    public void Of_ARowStillUnderAnotherVersion_IsItsOwnZoneAndVersion() =>
        Assert.Equal(new PriorZone(Zone.Medium, "aaaa"), PriorZone.Of("bbbb", Zone.Medium, "aaaa", Zone.High, "older"));

    [Fact]
    public void Of_ARowARecalculationAlreadyBroughtToTheVersion_IsWhatItKept() =>
        // A recalculation killed half-way rewrote the row: the zone before the rules is kept on it, not the new one.
        Assert.Equal(new PriorZone(Zone.None, "aaaa"), PriorZone.Of("bbbb", Zone.High, "bbbb", Zone.None, "aaaa"));

    [Fact]
    public void Of_ARowAnUploadBroughtToTheVersion_HasNone() =>
        Assert.Null(PriorZone.Of("bbbb", Zone.High, "bbbb", null, null));

    [Fact]
    public void Of_AKeptZoneWithoutItsVersion_KeepsTheZone_VersionUnknown() =>
        Assert.Equal(new PriorZone(Zone.Medium, null), PriorZone.Of("bbbb", Zone.High, "bbbb", Zone.Medium, null));
}
