using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Zones;

public sealed class ZoneChangeTests
{
    [Fact]
    public void Of_TheSameZone_IsNoChange() =>
        Assert.Null(ZoneChange.Of(MunicipalityId.Parse("gatchinsky"), SchoolId.Parse("gatchinsky-001"), "Школа № 1", Zone.Medium, Zone.Medium));

    [Fact]
    public void Of_AnotherZone_IsAChangeFromTheStoredToTheCandidates() =>
        Assert.Equal(
            new ZoneChange(MunicipalityId.Parse("gatchinsky"), SchoolId.Parse("gatchinsky-001"), "Школа № 1", Zone.None, Zone.High),
            ZoneChange.Of(MunicipalityId.Parse("gatchinsky"), SchoolId.Parse("gatchinsky-001"), "Школа № 1", Zone.None, Zone.High));

    [Fact]
    public void Ordered_ByMunicipalityThenSchool_Ordinal()
    {
        ZoneChange[] changes =
        [
            new(MunicipalityId.Parse("kirovsky"), SchoolId.Parse("kirovsky-002"), "Б", Zone.None, Zone.High),
            new(MunicipalityId.Parse("gatchinsky"), SchoolId.Parse("gatchinsky-010"), "В", Zone.High, Zone.None),
            new(MunicipalityId.Parse("kirovsky"), SchoolId.Parse("kirovsky-001"), "А", Zone.Medium, Zone.High),
            new(MunicipalityId.Parse("gatchinsky"), SchoolId.Parse("gatchinsky-002"), "Г", Zone.None, Zone.Medium),
        ];

        Assert.Equal(
            ["gatchinsky-002", "gatchinsky-010", "kirovsky-001", "kirovsky-002"],
            ZoneChange.Ordered(changes).Select(change => change.SchoolId.ToString()));
    }
}
