using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Zones;

public sealed class ZoneChangeTests
{
    [Fact]
    public void Of_TheSameZone_IsNoChange() =>
        Assert.Null(ZoneChange.Of("gatchinsky", "gatchinsky-001", "Школа № 1", Zone.Medium, Zone.Medium));

    [Fact]
    public void Of_AnotherZone_IsAChangeFromTheStoredToTheCandidates() =>
        Assert.Equal(
            new ZoneChange("gatchinsky", "gatchinsky-001", "Школа № 1", Zone.None, Zone.High),
            ZoneChange.Of("gatchinsky", "gatchinsky-001", "Школа № 1", Zone.None, Zone.High));

    [Fact]
    public void Ordered_ByMunicipalityThenSchool_Ordinal()
    {
        ZoneChange[] changes =
        [
            new("kirovsky", "kirovsky-002", "Б", Zone.None, Zone.High),
            new("gatchinsky", "gatchinsky-010", "В", Zone.High, Zone.None),
            new("kirovsky", "kirovsky-001", "А", Zone.Medium, Zone.High),
            new("gatchinsky", "gatchinsky-002", "Г", Zone.None, Zone.Medium),
        ];

        Assert.Equal(
            ["gatchinsky-002", "gatchinsky-010", "kirovsky-001", "kirovsky-002"],
            ZoneChange.Ordered(changes).Select(change => change.SchoolId));
    }
}
