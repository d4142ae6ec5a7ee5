using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Zones;

public sealed class ZoneChangeByRulesTests
{
    private static readonly MunicipalityId Gatchinsky = MunicipalityId.Parse("gatchinsky");
    private static readonly IndicatorFinding HighEge = new("ege_avg", 40m, Zone.High, 45m, "ege-high");

    private static SchoolEvaluation Evaluated(Zone zone, params IndicatorFinding[] findings) =>
        new(new SchoolRow(0, SchoolId.Parse("gatchinsky-001"), "Школа № 1", SchoolIndicators.Empty), findings, zone);

    [Fact]
    public void ByRules_NoZoneBefore_IsNoChange() =>
        // The school's data came under the version by an upload: the data moved it, not the rules.
        Assert.Null(ZoneChange.ByRules(Gatchinsky, null, Evaluated(Zone.High, HighEge)));

    [Fact]
    public void ByRules_TheSameZoneAsBefore_IsNoChange() =>
        Assert.Null(ZoneChange.ByRules(Gatchinsky, new PriorZone(Zone.High, TestIds.Version("aaaa")), Evaluated(Zone.High, HighEge)));

    [Fact]
    public void ByRules_AnotherZone_IsTheMove_FromTheVersionBefore_WithWhatPutsTheSchoolThere()
    {
        var change = ZoneChange.ByRules(Gatchinsky, new PriorZone(Zone.None, TestIds.Version("aaaa")), Evaluated(Zone.High, HighEge));

        Assert.NotNull(change);
        Assert.Equal(("gatchinsky-001", "Школа № 1", Zone.None, Zone.High, (RuleSetVersion?)TestIds.Version("aaaa")), (change.SchoolId.ToString(), change.SchoolName, change.Before, change.After, change.FromVersion));
        Assert.Equal([HighEge], change.Findings);
        Assert.Equal([ZoneReason.HighIndicator], change.Reasons);
    }

    [Fact]
    public void ByRules_OutOfTheRiskZones_HasNoReasons()
    {
        var change = ZoneChange.ByRules(Gatchinsky, new PriorZone(Zone.Medium, null), Evaluated(Zone.None) with { Classification = SchoolClassification.None });

        Assert.NotNull(change);
        Assert.Empty(change.Reasons);
        Assert.Null(change.FromVersion);
    }
}
