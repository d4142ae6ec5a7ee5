using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Notices.Letters;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Recommendations;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Notices;

public sealed class MunicipalityNoticeTests
{
    private static readonly UploadPath Path = new(Period.Parse("2023-2024"), MunicipalityId.Parse("gatchinsky"), "schools.csv");

    [Fact]
    public void RulesChanged_OnePerActivation_TheSameVersionActivatedAgainIsANewNotice_AndTheLetterSaysFromWhichVersion()
    {
        var first = DateTimeOffset.Parse("2026-11-20T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        ZoneChange[] changes = [new(MunicipalityId.Parse("gatchinsky"), SchoolId.Parse("gatchinsky-001"), "Школа № 1", Zone.None, Zone.High) { FromVersion = RuleSetVersion.Parse("aaaaaaaaaaaa") }];

        var notice = MunicipalityNotice.RulesChanged(Path.Period, MunicipalityId.Parse("gatchinsky"), TestIds.Upload("u1"), RuleSetVersion.Parse("bbbbbbbbbbbb"), first, changes)!;
        var retried = MunicipalityNotice.RulesChanged(Path.Period, MunicipalityId.Parse("gatchinsky"), TestIds.Upload("u1"), RuleSetVersion.Parse("bbbbbbbbbbbb"), first, changes)!;
        var again = MunicipalityNotice.RulesChanged(Path.Period, MunicipalityId.Parse("gatchinsky"), TestIds.Upload("u1"), RuleSetVersion.Parse("bbbbbbbbbbbb"), first.AddDays(2), changes)!;
        var letter = MunicipalityLetter.Compose(notice, "Гатчинский район", LetterLinks.None);

        Assert.Equal("2023-2024_gatchinsky_rules_bbbbbbbbbbbb_20261120100000000", notice.NoticeId);
        Assert.Equal(notice.NoticeId, retried.NoticeId);
        Assert.NotEqual(notice.NoticeId, again.NoticeId);
        Assert.Equal([RuleSetVersion.Parse("aaaaaaaaaaaa")], notice.VersionsBefore());
        Assert.Contains("комитет сменил правила оценки с версии aaaaaaaaaaaa на версию bbbbbbbbbbbb", letter.Text, StringComparison.Ordinal);
        Assert.Null(MunicipalityNotice.RulesChanged(Path.Period, MunicipalityId.Parse("gatchinsky"), TestIds.Upload("u1"), RuleSetVersion.Parse("bbbbbbbbbbbb"), first, []));
    }

    [Fact]
    public void For_SchoolsInRiskZones_ListsOnlyThemWorstFirst()
    {
        var upload = Upload(Evaluation("gatchinsky-003", Zone.Medium), Evaluation("gatchinsky-001", Zone.None), Evaluation("gatchinsky-002", Zone.High));

        var notice = MunicipalityNotice.For(upload, Report(problems: 0), null, NoHistory, RiskGroupSettings.Default);

        Assert.NotNull(notice);
        Assert.Equal($"2023-2024_{TestIds.Upload("u1")}_{TestIds.Version("v1")}", notice.NoticeId);
        Assert.Equal(NoticeKind.Evaluated, notice.Kind);
        Assert.Equal("gatchinsky", notice.MunicipalityId.ToString());
        Assert.Equal(3, notice.SchoolCount);
        Assert.Equal(["gatchinsky-002", "gatchinsky-003"], notice.Schools.Select(s => s.SchoolId.ToString()));
        Assert.Null(notice.Problems);
    }

    [Fact]
    public void For_ASchoolInTheMediumZoneByItsClassificationAlone_CarriesThatReason()
    {
        var shnsu = Evaluation("gatchinsky-001", Zone.Medium) with { Classification = SchoolClassification.None with { UnfavourableConditions = true } };

        var notice = MunicipalityNotice.For(Upload(shnsu), Report(problems: 0), null, NoHistory, RiskGroupSettings.Default)!;

        Assert.Equal([ZoneReason.UnfavourableConditions], Assert.Single(notice.Schools).Reasons);
    }

    [Fact]
    public void For_NoSchoolInARiskZoneAndNoProblem_IsNull() =>
        Assert.Null(MunicipalityNotice.For(Upload(Evaluation("gatchinsky-001", Zone.None)), Report(problems: 0), null, NoHistory, RiskGroupSettings.Default));

    [Fact]
    public void For_NoSchoolInARiskZoneButSkippedRows_SummarisesTheProblemsWithTheReport()
    {
        var links = new ReportLinks("2023-2024/gatchinsky/u1/errors.json", "2023-2024/gatchinsky/u1/errors.csv");

        var notice = MunicipalityNotice.For(Upload(Evaluation("gatchinsky-001", Zone.None)), Report(problems: 12), links, NoHistory, RiskGroupSettings.Default);

        Assert.NotNull(notice);
        Assert.Empty(notice.Schools);
        Assert.NotNull(notice.Problems);
        Assert.Equal(12, notice.Problems.ProblemCount);
        Assert.Equal(MunicipalityNotice.QuotedProblems, notice.Problems.FirstProblems.Count);
        Assert.Equal(links, notice.Problems.Report);
    }

    [Fact]
    public void For_AgainstThePreviousPeriod_TellsEnteredFromStayed_AndListsSchoolsThatLeft()
    {
        var upload = Upload(Evaluation("gatchinsky-001", Zone.High), Evaluation("gatchinsky-002", Zone.Medium), Evaluation("gatchinsky-003", Zone.None),
            Evaluation("gatchinsky-004", Zone.Medium), Evaluation("gatchinsky-005", Zone.None));
        var before = new Dictionary<SchoolId, Zone> { [SchoolId.Parse("gatchinsky-001")] = Zone.Medium, [SchoolId.Parse("gatchinsky-002")] = Zone.None, [SchoolId.Parse("gatchinsky-003")] = Zone.High, [SchoolId.Parse("gatchinsky-005")] = Zone.None };

        var notice = MunicipalityNotice.For(upload, Report(problems: 0), null, before, RiskGroupSettings.Default)!;

        Assert.Equal(
            [("gatchinsky-001", false, (Zone?)Zone.Medium), ("gatchinsky-002", true, Zone.None), ("gatchinsky-004", true, null)],
            notice.Schools.Select(s => (s.SchoolId.ToString(), s.Entered, s.Before)));
        Assert.Equal([new LeftSchool(SchoolId.Parse("gatchinsky-003"), "Школа", Zone.High)], notice.Left);
    }

    [Fact]
    public void For_OnlyASchoolThatLeftARiskZone_IsStillANotice() =>
        Assert.Single(MunicipalityNotice.For(
            Upload(Evaluation("gatchinsky-001", Zone.None)), Report(problems: 0), null, new Dictionary<SchoolId, Zone> { [SchoolId.Parse("gatchinsky-001")] = Zone.Medium }, RiskGroupSettings.Default)!.Left);

    [Fact]
    public void For_TheLowResultGroup_ListsEntriesStaysUnconfirmedExitsAndExits_AndTheLetterTellsThem()
    {
        var (earlier, period) = (Period.Parse("2021-2022"), Path.Period);
        SchoolEvaluation InGroup(string id, Zone zone, RiskGroupStanding standing) =>
            Evaluation(id, zone) with { Classification = SchoolClassification.None with { LowResults = standing.InGroup, RiskGroup = standing } };
        var upload = Upload(
            InGroup("gatchinsky-001", Zone.High, new RiskGroupStanding(RiskGroupStatus.Entered, 0, period, null)),
            InGroup("gatchinsky-002", Zone.High, new RiskGroupStanding(RiskGroupStatus.Leaving, 1, earlier, null)),
            InGroup("gatchinsky-003", Zone.None, new RiskGroupStanding(RiskGroupStatus.Exited, 0, earlier, period)),
            InGroup("gatchinsky-004", Zone.High, new RiskGroupStanding(RiskGroupStatus.ReEntered, 0, period, earlier)),
            InGroup("gatchinsky-005", Zone.None, RiskGroupStanding.Outside));

        var notice = MunicipalityNotice.For(upload, Report(problems: 0), null, NoHistory, RiskGroupSettings.Default)!;
        var letter = MunicipalityLetter.Compose(notice, "Гатчинский район", LetterLinks.None);

        Assert.Equal(
            [("gatchinsky-001", RiskGroupStatus.Entered), ("gatchinsky-004", RiskGroupStatus.ReEntered), ("gatchinsky-002", RiskGroupStatus.Leaving), ("gatchinsky-003", RiskGroupStatus.Exited)],
            notice.RiskGroup.Select(school => (school.SchoolId.ToString(), school.Status)));
        Assert.Contains("Группа риска: школы с низкими результатами (ШНОР)", letter.Text, StringComparison.Ordinal);
        Assert.Contains("в группе риска: выход не подтверждён (1 из 2 периодов без низких результатов)", letter.Text, StringComparison.Ordinal);
        Assert.Contains("вышла из группы риска в 2023-2024", letter.Text, StringComparison.Ordinal);
        Assert.Contains("повторно вошла в группу риска в 2023-2024 (выходила в 2021-2022)", letter.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLetter_ListsEachSchoolsAddressedRecommendations_WithToWhomAndWhy()
    {
        var notice = MunicipalityNotice.For(Upload(Evaluation("gatchinsky-001", Zone.High)), Report(problems: 0), null, NoHistory, RiskGroupSettings.Default)!;
        var recommended = notice with
        {
            Schools = [notice.Schools[0] with { Recommendations = [new Recommendation("low_results.municipality", Addressee.Municipality, "Закрепить куратора.", "школа в группе риска")] }],
        };

        var letter = MunicipalityLetter.Compose(recommended, "Гатчинский район", LetterLinks.None);

        Assert.Contains("Адресные рекомендации", letter.Text, StringComparison.Ordinal);
        Assert.Contains("муниципалитету: Закрепить куратора. (основание: школа в группе риска)", letter.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLetter_AMeasureAboutTheMunicipality_OnceAboveTheSchools_NotOnEach()
    {
        var audit = new Recommendation("rubrics.committee", Addressee.Committee, "Провести методический аудит.", "рубрикатор в нижнем уровне", ConcernsMunicipality: true);
        var notice = MunicipalityNotice.For(
            Upload(Evaluation("gatchinsky-001", Zone.High), Evaluation("gatchinsky-002", Zone.High)), Report(problems: 0), null, NoHistory, RiskGroupSettings.Default)!;
        var recommended = notice with
        {
            Schools = [
                notice.Schools[0] with { Recommendations = [audit, new Recommendation("exams.school", Addressee.School, "Подготовить к ГИА.", "ЕГЭ")] },
                notice.Schools[1] with { Recommendations = [audit] },
            ],
        };

        var letter = MunicipalityLetter.Compose(recommended, "Гатчинский район", LetterLinks.None);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(letter.Text, "Провести методический аудит"));
        Assert.Contains("По муниципалитету в целом — комитету: Провести методический аудит. (основание: рубрикатор в нижнем уровне).", letter.Text, StringComparison.Ordinal);
        Assert.Contains("школе: Подготовить к ГИА. (основание: ЕГЭ)", letter.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejected_CarriesTheReasonAndItsOwnKey()
    {
        var report = UploadReport.Rejected(Path, TestIds.Upload("u1"), "Файл «schools.csv»: нет ни одной строки с данными школ.", null);

        var notice = MunicipalityNotice.Rejected(report, null);

        Assert.Equal($"2023-2024_{TestIds.Upload("u1")}_rejected", notice.NoticeId);
        Assert.Equal(NoticeKind.Rejected, notice.Kind);
        Assert.Equal(report.RejectionReason, notice.Problems!.RejectionReason);
    }

    [Fact]
    public void For_AFileWithNoProblemButAColumnNotReadAndATotalRow_TheLetterTellsBothAndLinksTheReport()
    {
        var report = Report(problems: 0) with
        {
            UnrecognisedColumns = [new UnrecognisedColumn("Сохранённость контингента", IndicatorCatalog.RetentionShare)],
            Notes = [new UploadNote(40, "Файл «schools.csv», строка 40: итоговая строка «Итого по району» — не школа; пропущена.")],
        };

        var notice = MunicipalityNotice.For(Upload(Evaluation("gatchinsky-001", Zone.None)), report, new ReportLinks("x/errors.json", "x/errors.csv"), NoHistory, RiskGroupSettings.Default)!;
        var linked = MunicipalityLetter.LinkedDocuments(notice);
        var letter = MunicipalityLetter.Compose(notice, "Гатчинский район", new LetterLinks(new Uri("https://example.test/errors.csv"), null, DateTimeOffset.UnixEpoch, null));

        Assert.Equal("x/errors.csv", linked.Report);
        Assert.DoesNotContain("Ошибки в файле", letter.Text, StringComparison.Ordinal);
        Assert.Contains("Столбцы, которые не прочитаны", letter.Text, StringComparison.Ordinal);
        Assert.Contains("столбец «Сохранённость контингента» не распознан и не прочитан. Возможно, это показатель «Сохранность контингента» (retention_share)", letter.Text, StringComparison.Ordinal);
        Assert.Contains("Строки, пропущенные как не школы", letter.Text, StringComparison.Ordinal);
        Assert.Contains("строка 40: итоговая строка «Итого по району» — не школа; пропущена.", letter.Text, StringComparison.Ordinal);
        Assert.Contains("отчёт о проверке файла (CSV, открывается в Excel): https://example.test/errors.csv", letter.Text, StringComparison.Ordinal);
    }

    private static readonly Dictionary<SchoolId, Zone> NoHistory = [];

    private static EvaluatedUpload Upload(params SchoolEvaluation[] schools) => new(Path, TestIds.Upload("u1"), TestIds.Version("v1"), schools);

    private static UploadReport Report(int problems) => new(
        TestIds.Upload("u1"), Path.BlobName, Path.Period, Path.MunicipalityId, UploadOutcome.Evaluated, null, 20 + problems, 20, problems,
        [.. Enumerable.Range(1, problems).Select(n => new UploadProblem(n, "c", "v", $"Проблема {n}"))], [], []);

    private static SchoolEvaluation Evaluation(string schoolId, Zone zone) =>
        new(new SchoolRow(2, SchoolId.Parse(schoolId), "Школа", SchoolIndicators.Empty), [], zone);
}
