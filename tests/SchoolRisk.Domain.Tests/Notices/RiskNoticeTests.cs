using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Notices;

public sealed class RiskNoticeTests
{
    private static readonly UploadPath Path = new(Period.Parse("2023-2024"), "gatchinsky", "schools.csv");

    [Fact]
    public void For_SchoolsInRiskZones_ListsOnlyThemWorstFirst()
    {
        var upload = new EvaluatedUpload(Path, "u1", "v1",
        [
            Evaluation("gatchinsky-003", Zone.Medium),
            Evaluation("gatchinsky-001", Zone.None),
            Evaluation("gatchinsky-002", Zone.High),
        ]);

        var notice = RiskNotice.For(upload);

        Assert.NotNull(notice);
        Assert.Equal("2023-2024_u1_v1", notice.NoticeId);
        Assert.Equal("gatchinsky", notice.MunicipalityId);
        Assert.Equal(3, notice.SchoolCount);
        Assert.Equal(["gatchinsky-002", "gatchinsky-003"], notice.Schools.Select(s => s.SchoolId));
    }

    [Fact]
    public void For_NoSchoolInARiskZone_IsNull() =>
        Assert.Null(RiskNotice.For(new EvaluatedUpload(Path, "u1", "v1", [Evaluation("gatchinsky-001", Zone.None)])));

    private static SchoolEvaluation Evaluation(string schoolId, Zone zone) =>
        new(new SchoolRow(2, schoolId, "Школа", SchoolIndicators.Empty), [], zone);
}
