using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Rubrics;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Municipalities;

public sealed class MunicipalSummaryTests
{
    private static readonly UploadPath Path = new(Period.Parse("2023-2024"), MunicipalityId.Parse("luzhsky"), "schools.csv");

    [Fact]
    public void Of_FourSchools_SharesAreAOverBTimes100_AndOneHighSchoolPutsTheMunicipalityInTheRiskZone()
    {
        var upload = new EvaluatedUpload(Path, TestIds.Upload("u1"), TestIds.Version("v1"),
        [
            School(new SchoolIndicators { HasSportsClub = 1, OlympiadRegionalWinners = 2 }, Zone.High, lowResults: true),
            School(new SchoolIndicators { HasSportsClub = 1, OlympiadRegionalWinners = 0 }, Zone.Medium),
            School(new SchoolIndicators { HasSportsClub = 0 }, Zone.None),
            School(new SchoolIndicators(), Zone.None),
        ]);

        var summary = MunicipalSummary.Of(upload);

        Assert.Equal((4, 50m, 25m, 25m, 25m, 25m), (summary.Schools, summary.SportsClubShare!.Value, summary.OlympiadWinnersShare!.Value,
            summary.HighZoneShare, summary.MediumZoneShare, summary.LowResultsShare));
        Assert.Null(summary.TheatreShare);
        Assert.Equal(Zone.High, summary.Zone);
    }

    [Fact]
    public void Of_NoSchoolInTheHighZone_MunicipalityIsOutsideTheRiskZone() =>
        Assert.Equal(Zone.None, MunicipalSummary.Of(new EvaluatedUpload(Path, TestIds.Upload("u1"), TestIds.Version("v1"), [School(new SchoolIndicators(), Zone.Medium)])).Zone);

    [Theory]
    [InlineData(Zone.None, RubricLevel.Municipality, Zone.High, Zone.High)]
    [InlineData(Zone.None, RubricLevel.Municipality, Zone.Medium, Zone.Medium)]
    [InlineData(Zone.High, RubricLevel.Municipality, Zone.None, Zone.High)]
    [InlineData(Zone.None, RubricLevel.School, Zone.High, Zone.None)]
    [InlineData(Zone.None, RubricLevel.Course, Zone.High, Zone.None)]
    public void Zone_IsTheWorseOfSchoolsAndTheMunicipalitysOwnRubrics(Zone schools, RubricLevel level, Zone rubric, Zone expected)
    {
        var band = new RubricBand("b", "b", "b", rubric, 0, 22);
        var rubricZone = RubricResult.MunicipalZoneOf([new RubricResult("young_teachers", level, "luzhsky", "luzhsky", new RubricScores([5]), 22, band)]);

        var summary = MunicipalSummary.Empty(Path.Period, MunicipalityId.Parse("luzhsky")) with { SchoolZone = schools, RubricZone = rubricZone };

        Assert.Equal(expected, summary.Zone);
    }

    private static SchoolEvaluation School(SchoolIndicators indicators, Zone zone, bool lowResults = false) =>
        new(new SchoolRow(2, SchoolId.Parse("s"), "Школа", indicators), [], zone) { Classification = SchoolClassification.None with { LowResults = lowResults } };
}
