using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Support;
using SchoolRisk.Domain.Support.Effect;

namespace SchoolRisk.Domain.Tests.Support.Effect;

/// <summary>
/// The effect of support on a region of eight schools over three periods, every figure computed by hand. In 2022-2023
/// six secondary schools are ШНОР (s1–s5, s8), one secondary school is ШНСУ only (s6) and one basic school is ШНОР (s7).
/// s1 gets a subsidy, s2 a subsidy and mentoring, s3 mentoring; the others nothing.
/// <code>
///        2022-23        2023-24             2024-25          results index      ege_below_min_share
/// s1     stayed         leaving             exited           -1.0 -0.5  0.0     20 15 10
/// s2     stayed         stayed              leaving          -1.2 -1.0 -0.6     30  – 25
/// s3     stayed         (no upload)         stayed           -0.8   –  -0.9     –   –  –
/// s4     stayed         stayed              stayed           -1.1 -1.1 -1.0     –   –  –
/// s5     stayed         leaving             exited           -0.9 -0.4 -0.2     –   –  –
/// s6     outside (ШНСУ) outside             outside           0.1  0.2  0.3     –   –  –
/// s7     stayed (basic) stayed              stayed           -1.5 -1.5 -1.5     –   –  –
/// s8     stayed         stayed              stayed           -1.3 -1.2 -1.0     –   –  –
/// </code>
/// The comparison for every kind is s4, s5 and s8: s6 is another classification, s7 another level, s1–s3 are supported
/// (and a school supported two periods before or after is none either).
/// </summary>
public sealed class SupportEffectTests
{
    private static readonly Period First = Period.Parse("2022-2023");
    private static readonly Period Second = Period.Parse("2023-2024");
    private static readonly Period Third = Period.Parse("2024-2025");
    private const string Ege = "ege_below_min_share";

    private static readonly IReadOnlyDictionary<Period, IReadOnlyDictionary<SchoolId, EffectObservation>> Region = new Dictionary<Period, IReadOnlyDictionary<SchoolId, EffectObservation>>
    {
        [First] = Schools(
            School("s1", RiskGroupStatus.Stayed, -1.0m, 20m), School("s2", RiskGroupStatus.Stayed, -1.2m, 30m), School("s3", RiskGroupStatus.Stayed, -0.8m),
            School("s4", RiskGroupStatus.Stayed, -1.1m), School("s5", RiskGroupStatus.Stayed, -0.9m), School("s6", RiskGroupStatus.Outside, 0.1m, unfavourable: true),
            School("s7", RiskGroupStatus.Stayed, -1.5m, level: SchoolRegistry.Basic), School("s8", RiskGroupStatus.Stayed, -1.3m)),
        [Second] = Schools(
            School("s1", RiskGroupStatus.Leaving, -0.5m, 15m), School("s2", RiskGroupStatus.Stayed, -1.0m),
            School("s4", RiskGroupStatus.Stayed, -1.1m), School("s5", RiskGroupStatus.Leaving, -0.4m), School("s6", RiskGroupStatus.Outside, 0.2m, unfavourable: true),
            School("s7", RiskGroupStatus.Stayed, -1.5m, level: SchoolRegistry.Basic), School("s8", RiskGroupStatus.Stayed, -1.2m)),
        [Third] = Schools(
            School("s1", RiskGroupStatus.Exited, 0.0m, 10m), School("s2", RiskGroupStatus.Leaving, -0.6m, 25m), School("s3", RiskGroupStatus.Stayed, -0.9m),
            School("s4", RiskGroupStatus.Stayed, -1.0m), School("s5", RiskGroupStatus.Exited, -0.2m), School("s6", RiskGroupStatus.Outside, 0.3m, unfavourable: true),
            School("s7", RiskGroupStatus.Stayed, -1.5m, level: SchoolRegistry.Basic), School("s8", RiskGroupStatus.Stayed, -1.0m)),
    };

    private static readonly SupportDecision[] Decisions =
    [
        Decision("s1", SupportKind.Subsidy), Decision("s2", SupportKind.Subsidy), Decision("s2", SupportKind.Mentoring), Decision("s3", SupportKind.Mentoring),
        Decision("s6", SupportKind.Other, Second),
    ];

    [Fact]
    public void Of_ARowPerKindInTheCatalogueOrder_ThenAnySupport()
    {
        var rows = SupportEffect.Of(First, Decisions, Region, Third, _ => true);

        Assert.Equal([SupportKind.Subsidy, SupportKind.Mentoring, null], rows.Select(row => row.Kind));
        Assert.Equal("любая поддержка", rows[2].KindTitle);
    }

    [Fact]
    public void Of_Subsidy_SharesAndMeanChangesAsComputedByHand()
    {
        var subsidy = SupportEffect.Of(First, Decisions, Region, Third, _ => true)[0];

        Assert.Equal((2, 2), (subsidy.Supported.Schools, subsidy.Supported.InGroup));
        var (oneLater, twoLater) = (subsidy.Supported.Later[0], subsidy.Supported.Later[1]);
        Assert.Equal((1, Second, 2, 2, 0, 1), (oneLater.PeriodsLater, oneLater.Period, oneLater.Observed, oneLater.InGroupObserved, oneLater.Left, oneLater.Leaving));
        Assert.Equal((0m, 0.5m), (oneLater.LeftShare, oneLater.NoLongerLowShare));
        Assert.False(oneLater.Withheld);
        Assert.Equal((0.35m, 2), (oneLater.MeanResultsIndexChange, oneLater.ResultsIndexCompared));
        Assert.Equal((-5m, 1), Change(oneLater, Ege));
        Assert.Equal((2, Third, 2, 2, 1, 1), (twoLater.PeriodsLater, twoLater.Period, twoLater.Observed, twoLater.InGroupObserved, twoLater.Left, twoLater.Leaving));
        Assert.Equal((0.5m, 1m), (twoLater.LeftShare, twoLater.NoLongerLowShare));
        Assert.Equal((0.8m, 2), (twoLater.MeanResultsIndexChange, twoLater.ResultsIndexCompared));
        Assert.Equal((-7.5m, 2), Change(twoLater, Ege));
    }

    [Fact]
    public void Of_Comparison_TheUnsupportedSchoolsOfTheSameClassificationAndLevel()
    {
        var comparison = SupportEffect.Of(First, Decisions, Region, Third, _ => true)[0].Comparison;

        // Index changes: s4 0.0, s5 +0.5, s8 +0.1 one period later; +0.1, +0.7, +0.3 two periods later.
        Assert.Equal((3, 3), (comparison.Schools, comparison.InGroup));
        Assert.Equal((3, 0, 1, 0.2m), (comparison.Later[0].Observed, comparison.Later[0].Left, comparison.Later[0].Leaving, comparison.Later[0].MeanResultsIndexChange));
        Assert.Equal((0m, 0.3333m), (comparison.Later[0].LeftShare, comparison.Later[0].NoLongerLowShare));
        Assert.Equal((3, 1, 0, 0.3667m), (comparison.Later[1].Observed, comparison.Later[1].Left, comparison.Later[1].Leaving, comparison.Later[1].MeanResultsIndexChange));
        Assert.Equal((null, 0), Change(comparison.Later[0], Ege));
    }

    [Fact]
    public void Of_ASchoolSupportedUpToTwoPeriodsBeforeOrAfter_IsNoComparisonSchool_UnlessAfterTheLatestPeriod()
    {
        // s4 supported in 2024-2025 and s5 in 2020-2021 (two periods before): neither compares; in 2019-2020 (three before) s5 would.
        SupportDecision[] around = [.. Decisions, Decision("s4", SupportKind.Other, Third), Decision("s5", SupportKind.Other, Period.Parse("2020-2021"))];
        var laterStillUnknown = SupportEffect.Of(First, [.. Decisions, Decision("s4", SupportKind.Other, Third)], Region, Second, _ => true)[0].Comparison;
        var longBefore = SupportEffect.Of(First, [.. Decisions, Decision("s5", SupportKind.Other, Period.Parse("2019-2020"))], Region, Third, _ => true)[0].Comparison;

        Assert.Equal(1, SupportEffect.Of(First, around, Region, Third, _ => true)[0].Comparison.Schools);
        Assert.Equal(3, laterStillUnknown.Schools);
        Assert.Equal(3, longBefore.Schools);
    }

    [Fact]
    public void Of_ASchoolWithoutAResultLater_IsLeftOutOfThatPeriodOnly()
    {
        var mentoring = SupportEffect.Of(First, Decisions, Region, Third, _ => true)[1];

        Assert.Equal(2, mentoring.Supported.Schools);
        Assert.Equal((1, 1, 0, 0, 0.2m, 1), (mentoring.Supported.Later[0].Observed, mentoring.Supported.Later[0].InGroupObserved, mentoring.Supported.Later[0].Left,
            mentoring.Supported.Later[0].Leaving, mentoring.Supported.Later[0].MeanResultsIndexChange, mentoring.Supported.Later[0].ResultsIndexCompared));
        Assert.Equal((2, 0, 1, 0.25m), (mentoring.Supported.Later[1].Observed, mentoring.Supported.Later[1].Left, mentoring.Supported.Later[1].Leaving,
            mentoring.Supported.Later[1].MeanResultsIndexChange));
    }

    [Fact]
    public void Of_AnySupport_CountsASchoolWithTwoKindsOnce()
    {
        var any = SupportEffect.Of(First, Decisions, Region, Third, _ => true)[2];

        Assert.Equal(3, any.Supported.Schools);
        Assert.Equal((3, 1, 1, 0.5m), (any.Supported.Later[1].Observed, any.Supported.Later[1].Left, any.Supported.Later[1].Leaving, any.Supported.Later[1].MeanResultsIndexChange));
        Assert.Equal(3, any.Comparison.Schools);
    }

    [Fact]
    public void Of_LatestCapsTheHorizons_SoADigestReadsAsItDidThen()
    {
        var subsidy = SupportEffect.Of(First, Decisions, Region, Second, _ => true)[0];

        Assert.Equal([Second], subsidy.Supported.Later.Select(horizon => horizon.Period));
        Assert.Equal([Second], subsidy.Comparison.Later.Select(horizon => horizon.Period));
    }

    [Fact]
    public void Of_CountedSchoolsOnly_TheComparisonStaysRegionWide()
    {
        var rows = SupportEffect.Of(First, Decisions, Region, Third, school => school.Id == SchoolId.Parse("s3"));

        var mentoring = Assert.Single(rows);
        Assert.Equal((SupportKind.Mentoring, 1, 3), (mentoring.Kind, mentoring.Supported.Schools, mentoring.Comparison.Schools));
    }

    [Fact]
    public void Of_FewerComparisonSchoolsThanTheMinimum_Withheld()
    {
        // s8 supported a period later: the comparison is s4 and s5, two schools, fewer than three.
        var comparison = SupportEffect.Of(First, [.. Decisions, Decision("s8", SupportKind.Other, Second)], Region, Third, _ => true)[0].Comparison;

        Assert.Equal(2, comparison.Schools);
        Assert.All(comparison.Later, horizon => Assert.Equal((true, 2, 0, 0, null, null, null), (horizon.Withheld, horizon.Observed, horizon.InGroupObserved, horizon.Left,
            horizon.LeftShare, horizon.NoLongerLowShare, horizon.MeanResultsIndexChange)));
        Assert.All(comparison.Later.SelectMany(horizon => horizon.Indicators), change => Assert.Null(change.MeanChange));
    }

    [Fact]
    public void Of_Comparison_StandardisedToTheSupportedSchoolsStrata_CountsRaw()
    {
        // Supported: three ШНОР (a1–a3) and one ordinary school (b1). Comparison: three ШНОР (c1–c3, index +0.3 each, c1
        // no longer low) and five ordinary schools (d1–d5, index unchanged). Pooled, the index would rise 0.9 / 8 = 0.1125;
        // standardised, (3 × 0.3 + 1 × 0.0) / 4 = 0.225. Only ШНОР can leave: the share is c1 of c1–c3.
        EffectObservation Low(string id, decimal index, RiskGroupStatus status = RiskGroupStatus.Stayed) => School(id, status, index);
        EffectObservation Ordinary(string id, decimal index) => School(id, RiskGroupStatus.Outside, index);
        string[] supported = ["a1", "a2", "a3"];
        var region = new Dictionary<Period, IReadOnlyDictionary<SchoolId, EffectObservation>>
        {
            [First] = Schools([.. supported.Select(id => Low(id, -1m)), Ordinary("b1", 0m), Low("c1", -1m), Low("c2", -1m), Low("c3", -1m),
                .. Enumerable.Range(1, 5).Select(i => Ordinary($"d{i}", 0m))]),
            [Second] = Schools([.. supported.Select(id => Low(id, -1m)), Ordinary("b1", 0m), Low("c1", -0.7m, RiskGroupStatus.Leaving), Low("c2", -0.7m), Low("c3", -0.7m),
                .. Enumerable.Range(1, 5).Select(i => Ordinary($"d{i}", 0m))]),
        };

        var comparison = SupportEffect.Of(First, [.. supported.Append("b1").Select(id => Decision(id, SupportKind.Subsidy))], region, Second, _ => true)[0].Comparison;

        Assert.Equal((8, 3), (comparison.Schools, comparison.InGroup));
        var later = comparison.Later[0];
        Assert.Equal((8, 3, 0, 1, 8), (later.Observed, later.InGroupObserved, later.Left, later.Leaving, later.ResultsIndexCompared));
        Assert.Equal((0.225m, 0m, 0.3333m), (later.MeanResultsIndexChange, later.LeftShare, later.NoLongerLowShare));
    }

    [Fact]
    public void Of_YesNoAndZoneIndicators_ChangeAsAShareOfSchoolsInPercentagePoints()
    {
        // s1: a sports club appears, the supervision zone goes from high to medium (in a zone both times); s2: a club both
        // times, medium to none. Clubs +100 and 0, so +50; in a zone 0 and −100, so −50 (percentage points).
        var region = new Dictionary<Period, IReadOnlyDictionary<SchoolId, EffectObservation>>
        {
            [First] = Schools(School("s1", RiskGroupStatus.Stayed, -1m, club: 0, zone: 2), School("s2", RiskGroupStatus.Stayed, -1m, club: 1, zone: 1)),
            [Second] = Schools(School("s1", RiskGroupStatus.Stayed, -1m, club: 1, zone: 1), School("s2", RiskGroupStatus.Stayed, -1m, club: 1, zone: 0)),
        };

        var later = SupportEffect.Of(First, [Decision("s1", SupportKind.Subsidy), Decision("s2", SupportKind.Subsidy)], region, Second, _ => true)[0].Supported.Later[0];

        Assert.Equal((50m, 2), Change(later, "has_sports_club"));
        Assert.Equal((-50m, 2), Change(later, "inspection_zone"));
    }

    [Fact]
    public void Of_NoLaterData_RowsWithoutHorizons()
    {
        var other = Assert.Single(SupportEffect.Of(Second, Decisions, Region, Second, _ => true));

        Assert.Equal((SupportKind.Other, 1, 0), (other.Kind, other.Supported.Schools, other.Supported.InGroup));
        Assert.Empty(other.Supported.Later);
        Assert.Equal(0, other.Comparison.Schools);
    }

    [Fact]
    public void Of_APeriodWithoutResultsOrDecisions_Nothing()
    {
        Assert.Empty(SupportEffect.Of(Period.Parse("2021-2022"), Decisions, Region, Third, _ => true));
        Assert.Empty(SupportEffect.Of(Third, Decisions, Region, Third, _ => true));
    }

    private static (decimal? Mean, int Compared) Change(EffectHorizon horizon, string indicator)
    {
        var change = horizon.Indicators.Single(candidate => candidate.IndicatorId == indicator);
        return (change.MeanChange, change.Compared);
    }

    private static Dictionary<SchoolId, EffectObservation> Schools(params EffectObservation[] schools) =>
        schools.ToDictionary(school => school.School.Id);

    private static EffectObservation School(
        string id, RiskGroupStatus status, decimal index, decimal? ege = null, bool unfavourable = false, string level = SchoolRegistry.Secondary, decimal? club = null, decimal? zone = null)
    {
        var standing = new RiskGroupStanding(status, 0, null, null);
        return new EffectObservation(
            new RegisteredSchool(SchoolId.Parse(id), $"Школа {id}", MunicipalityId.Parse("gatchinsky"), level, SchoolRegistry.Urban, false, 300),
            SchoolClassification.None with { LowResults = standing.InGroup, UnfavourableConditions = unfavourable, ResultsIndex = index, RiskGroup = standing },
            new Dictionary<string, decimal?> { [Ege] = ege, ["has_sports_club"] = club, ["inspection_zone"] = zone });
    }

    private static SupportDecision Decision(string school, SupportKind kind, Period? period = null) =>
        new(period ?? First, SchoolId.Parse(school), kind, kind == SupportKind.Subsidy ? 1_000_000m : null, kind == SupportKind.Mentoring ? SchoolId.Parse("s6") : null,
            string.Empty, "комитет", DateTimeOffset.UnixEpoch);
}
