using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Municipalities;

public sealed class MunicipalSummaryTests
{
    private static readonly UploadPath Path = new(Period.Parse("2023-2024"), "luzhsky", "schools.csv");

    [Fact]
    public void Of_FourSchools_SharesAreAOverBTimes100_AndOneHighSchoolPutsTheMunicipalityInTheRiskZone()
    {
        var upload = new EvaluatedUpload(Path, "u1", "v1",
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
        Assert.Equal(Zone.None, MunicipalSummary.Of(new EvaluatedUpload(Path, "u1", "v1", [School(new SchoolIndicators(), Zone.Medium)])).Zone);

    private static SchoolEvaluation School(SchoolIndicators indicators, Zone zone, bool lowResults = false) =>
        new(new SchoolRow(2, "s", "Школа", indicators), [], zone) { Classification = SchoolClassification.None with { LowResults = lowResults } };
}
