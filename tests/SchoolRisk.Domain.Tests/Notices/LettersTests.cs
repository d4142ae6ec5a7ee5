using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Notices.Digest;
using SchoolRisk.Domain.Notices.Letters;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Recommendations;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Rubrics;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Notices;

public sealed class LettersTests
{
    private static readonly Period Period = Period.Parse("2023-2024");

    private static readonly IndicatorFinding Ege = new("ege_below_min_share", 12.5m, Zone.High, 10, "ege_below_min_share.high");

    [Fact]
    public void MunicipalityLetter_SaysWhichSchoolsEnteredStayedAndLeft_WithValueThresholdAndZone_InBothAlternatives()
    {
        var letter = MunicipalityLetter.Compose(Notice(), "Гатчинский район", LetterLinks.None);

        Assert.Equal("Гатчинский район: зоны риска школ за 2023-2024: высокий риск — 1, средний — 1", letter.Subject);
        foreach (var body in new[] { letter.Html, letter.Text })
        {
            Assert.Contains("Вошли в зону риска в этом периоде", body, StringComparison.Ordinal);
            Assert.Contains("Остаются в зоне риска", body, StringComparison.Ordinal);
            Assert.Contains("Вышли из зоны риска", body, StringComparison.Ordinal);
            Assert.Contains("gatchinsky-003 Школа &quot;Три&quot;".Replace("&quot;", body == letter.Html ? "&quot;" : "\"", StringComparison.Ordinal), body, StringComparison.Ordinal);
            Assert.Contains("Доля результатов ЕГЭ ниже минимального балла: 12,5 % (порог 10 %, высокий риск)", body, StringComparison.Ordinal);
            Assert.Contains($"Версия правил: {TestIds.Version("v1")}", body, StringComparison.Ordinal);
            Assert.Contains("показателей в зоне высокого риска: 1", body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script>", letter.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", letter.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void ASchoolInARiskZoneByItsClassificationAlone_SaysSo_InTheLetterAndTheAlert()
    {
        var shnor = new RiskSchool(SchoolId.Parse("gatchinsky-004"), "Школа 4", Zone.High, []) { Before = Zone.None, Reasons = [ZoneReason.LowResults] };
        var notice = Notice() with { Schools = [.. Notice().Schools, shnor] };

        var letter = MunicipalityLetter.Compose(notice, "Гатчинский район", LetterLinks.None);
        var alert = CommitteeAlert.Compose(notice, "Гатчинский район")!;

        Assert.Contains(
            "gatchinsky-002 Школа 2 | средний риск | ШНСУ — школа, работающая в неблагоприятных социальных условиях | —", letter.Text, StringComparison.Ordinal);
        Assert.Contains(
            "gatchinsky-004 Школа 4 | высокий риск | ШНОР — школа с низкими образовательными результатами (по сравнению со школами региона) | —", letter.Text, StringComparison.Ordinal);
        Assert.Contains("<td>ШНСУ — школа, работающая в неблагоприятных социальных условиях</td>", letter.Html, StringComparison.Ordinal);
        Assert.Contains("gatchinsky-004 Школа 4 | ШНОР — школа с низкими образовательными результатами", alert.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAlertAndTheDigest_ListTheMeasuresAddressedToTheCommittee_WithTheReason()
    {
        Recommendation[] recommendations =
        [
            new("stably_low.committee", Addressee.Committee, "Рассмотреть школу для субсидии", "устойчиво низкие результаты"),
            new("low_results.school", Addressee.School, "Разработать программу", "ШНОР"),
        ];
        var shnor = new RiskSchool(SchoolId.Parse("gatchinsky-004"), "Школа 4", Zone.High, []) { Before = Zone.None, Reasons = [ZoneReason.LowResults], Recommendations = recommendations };
        var notice = Notice() with { Schools = [.. Notice().Schools, shnor] };
        DigestSchool[] now = [new(MunicipalityId.Parse("gatchinsky"), SchoolId.Parse("gatchinsky-004"), "Школа 4", Zone.High, RiskGroupStanding.Outside)];
        CommitteeMeasure[] measures = [new(MunicipalityId.Parse("gatchinsky"), SchoolId.Parse("gatchinsky-004"), "Школа 4", "Рассмотреть школу для субсидии", "устойчиво низкие результаты")];
        var zones = new Dictionary<MunicipalityId, Zone> { [MunicipalityId.Parse("gatchinsky")] = Zone.High };

        var alert = CommitteeAlert.Compose(notice, "Гатчинский район")!;
        var digest = RegionalDigest.Of(Period, now, [], zones, committeeMeasures: measures);
        var letter = DigestLetter.Compose(digest, _ => "Гатчинский район");

        Assert.Contains("| Рассмотреть школу для субсидии (основание: устойчиво низкие результаты)", alert.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Разработать программу", alert.Text, StringComparison.Ordinal);
        Assert.Contains("Меры комитета по адресным рекомендациям: школ — 1", letter.Text, StringComparison.Ordinal);
        Assert.Contains("Рассмотреть школу для субсидии — 1", letter.Text, StringComparison.Ordinal);
        Assert.Contains("Гатчинский район: gatchinsky-004 Школа 4 (основание: устойчиво низкие результаты)", letter.Text, StringComparison.Ordinal);
        Assert.NotEqual(digest.Key, RegionalDigest.Of(Period, now, [], zones).Key);
    }

    [Fact]
    public void Letters_NameNoInternals_NoTableContainerBlobPathOrStatusName()
    {
        var links = new ReportLinks("2023-2024/gatchinsky/u1/errors.json", "2023-2024/gatchinsky/u1/errors.csv");
        var problems = new UploadSummary(null, 5, 1, 1, ["Файл «schools.csv», строка 3: школа «x» не найдена в реестре школ."], links);
        var band = new RubricBand("low", "low", "низкий уровень", Zone.High, 0, 11);
        var rubric = new RubricResult("young_teachers", RubricLevel.Municipality, "gatchinsky", "Гатчинский район", new RubricScores([1, 2]), 22, band) { Title = "Поддержка молодых педагогов" };
        var change = new ZoneChange(MunicipalityId.Parse("gatchinsky"), SchoolId.Parse("gatchinsky-001"), "Школа 1", Zone.None, Zone.High) { Findings = [Ege], Reasons = [ZoneReason.HighIndicator] };
        MunicipalityNotice[] notices =
        [
            Notice() with { Problems = problems },
            Notice() with { Kind = NoticeKind.RulesChanged, ZoneChanges = [change] },
            Notice() with { Kind = NoticeKind.RubricsEvaluated, Schools = [], Rubrics = [rubric, rubric with { Subject = "luzhsky", SubjectName = "luzhsky" }] },
            Notice() with { Kind = NoticeKind.Rejected, Schools = [], Problems = problems with { RejectionReason = "Файл «schools.csv»: нет ни одной строки с данными школ." } },
        ];
        var texts = notices.SelectMany(notice => new[] { MunicipalityLetter.Compose(notice, "Гатчинский район", LetterLinks.None), CommitteeAlert.Compose(notice, "Гатчинский район") })
            .OfType<Letter>().SelectMany(letter => new[] { letter.Subject, letter.Text }).ToList();

        Assert.Equal(6, texts.Count / 2);
        foreach (var internalWord in new[] { "results", "таблиц", "reports", "uploads", "notices", "blob", "контейнер", "2023-2024/gatchinsky", ".json",
            "Evaluated", "RulesChanged", "Rejected", "Retrying", "Failed", "Delivered", "young_teachers", " high", " medium", "/api/" })
        {
            Assert.DoesNotContain(texts, text => text.Contains(internalWord, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Contains(texts, text => text.Contains("Поддержка молодых педагогов | gatchinsky Гатчинский район | 3 из 22 | низкий уровень | высокий риск", StringComparison.Ordinal));
        Assert.Contains(texts, text => text.Contains("Поддержка молодых педагогов | luzhsky | 3 из 22", StringComparison.Ordinal));
    }

    [Fact]
    public void MunicipalityLetter_LinksTheReportAndTheNote_AndSaysUntilWhenTheyWork()
    {
        var report = new Uri("https://account.blob.core.windows.net/reports/2023-2024/gatchinsky/u1/errors.csv?sv=2024-11-04&sr=b&sp=r");
        var note = new Uri("https://account.blob.core.windows.net/reports/2023-2024/gatchinsky/note.html?sv=2024-11-04&sr=b&sp=r");
        var site = new Uri("https://schoolrisk-app.azurewebsites.net/api/site/");
        var notice = Notice() with { Problems = new UploadSummary(null, 5, 1, 1, ["Строка 3: школа не найдена."], new ReportLinks("2023-2024/gatchinsky/u1/errors.json", "2023-2024/gatchinsky/u1/errors.csv")) };

        var letter = MunicipalityLetter.Compose(notice, "Гатчинский район", new LetterLinks(report, note, new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero), site));

        Assert.Equal(("2023-2024/gatchinsky/u1/errors.csv", "2023-2024/gatchinsky/note.html"), MunicipalityLetter.LinkedDocuments(notice));
        Assert.Contains($"отчёт о проверке файла (CSV, открывается в Excel): {report.AbsoluteUri}", letter.Text, StringComparison.Ordinal);
        Assert.Contains($"открыть справку: {note.AbsoluteUri}", letter.Text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{System.Net.WebUtility.HtmlEncode(report.AbsoluteUri)}\">", letter.Html, StringComparison.Ordinal);
        Assert.Contains("Ссылки в этом письме действуют до 6 декабря 2026 г., 12:00 (МСК)", letter.Text, StringComparison.Ordinal);
        Assert.Contains($"страница мониторинга: {site}", letter.Text, StringComparison.Ordinal);
        Assert.Equal((null, null), MunicipalityLetter.LinkedDocuments(notice with { Kind = NoticeKind.RubricsEvaluated, Problems = null }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    public void RejectedLetter_SaysWhatToDoNext_WithoutRepeatingTheReason(int problemRows)
    {
        const string reason = "Файл «schools.csv» отклонён по причине, которую пишет чтение файла.";
        var notice = MunicipalityNotice.Rejected(
            UploadReport.Rejected(new UploadPath(Period, MunicipalityId.Parse("gatchinsky"), "schools.csv"), TestIds.Upload("u1"), reason, null),
            new ReportLinks("2023-2024/gatchinsky/u1/errors.json", "2023-2024/gatchinsky/u1/errors.csv"));
        notice = notice with { Problems = notice.Problems! with { DataRows = problemRows, ProblemCount = problemRows } };
        var linked = MunicipalityLetter.LinkedDocuments(notice);

        var letter = MunicipalityLetter.Compose(
            notice, "Гатчинский район", new LetterLinks(linked.Report is null ? null : new Uri("https://example.test/errors.csv"), null, DateTimeOffset.UnixEpoch, null));

        var whatToDo = letter.Text[letter.Text.IndexOf("Что сделать", StringComparison.Ordinal)..];
        Assert.Contains("Исправьте файл так, как сказано в причине выше", whatToDo, StringComparison.Ordinal);
        Assert.Contains("Загрузите исправленный файл снова в папку муниципалитета за 2023-2024", whatToDo, StringComparison.Ordinal);
        Assert.Contains("в силе остаются данные за этот период, принятые раньше", whatToDo, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(letter.Text, System.Text.RegularExpressions.Regex.Escape(reason)));
        Assert.Equal(problemRows > 0, whatToDo.Contains("отчёт о проверке файла (CSV, открывается в Excel): https://example.test/errors.csv", StringComparison.Ordinal));
        Assert.DoesNotContain("Если данные неверны", letter.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CommitteeAlert_OnlyForSchoolsNewToTheHighZone()
    {
        var alert = CommitteeAlert.Compose(Notice(), "Гатчинский район");

        Assert.NotNull(alert);
        Assert.Contains("новых школ: 1", alert.Subject, StringComparison.Ordinal);
        Assert.Contains("gatchinsky-001", alert.Text, StringComparison.Ordinal);
        Assert.Null(CommitteeAlert.Compose(Notice() with { Schools = [.. Notice().Schools.Select(s => s with { Before = s.Zone })] }, "Гатчинский район"));
    }

    [Fact]
    public void DeliveryPlan_AMunicipalitysNoticeGoesToItsOwnAddressesOnly_AndTheAlertToTheCommittee()
    {
        var directory = new RecipientDirectory([
            new Recipient("gatchinsky", "Гатчинский район", "g@edu.example.ru", new Uri("https://g.example.ru/hook"), "k"),
            new Recipient("kirovsky", "Кировский район", "k@edu.example.ru", null, null),
            new Recipient(RecipientDirectory.Committee, "Комитет", "c@edu.example.ru", null, null)]);

        var plan = DeliveryPlan.ForNotice(Notice(), directory, LetterLinks.None);

        Assert.Equal(
            [("notice", "g@edu.example.ru"), ("notice", "https://g.example.ru/hook"), ("alert", "c@edu.example.ru")],
            plan.Select(d => (d.Kind, d.Address)));
        Assert.Equal(plan.Count, plan.Select(d => d.DeliveryId).Distinct().Count());
        Assert.Equal(plan.Select(d => d.DeliveryId), DeliveryPlan.ForNotice(Notice(), directory, LetterLinks.None).Select(d => d.DeliveryId));
    }

    [Fact]
    public void Digest_CountsPerMunicipalityAndZone_NewHighSchools_AndTheLowResultGroupsEntriesStaysAndExits()
    {
        var (entered, exited) = (Period.Parse("2021-2022"), Period.Parse("2022-2023"));
        DigestSchool School(string municipality, string id, Zone zone, RiskGroupStatus status = RiskGroupStatus.Outside) =>
            new(MunicipalityId.Parse(municipality), SchoolId.Parse(id), $"Школа {id}", zone, new RiskGroupStanding(status, 0, entered, status == RiskGroupStatus.ReEntered ? exited : null));
        var before = new[] { School("a", "a-1", Zone.High, RiskGroupStatus.Entered), School("a", "a-2", Zone.None, RiskGroupStatus.Leaving), School("b", "b-1", Zone.Medium) };
        var now = new[]
        {
            School("a", "a-1", Zone.High, RiskGroupStatus.Stayed), School("a", "a-2", Zone.None, RiskGroupStatus.Exited), School("b", "b-1", Zone.High, RiskGroupStatus.Entered),
            School("b", "b-2", Zone.None), School("c", "c-1", Zone.High, RiskGroupStatus.ReEntered), School("c", "c-2", Zone.High, RiskGroupStatus.Leaving),
        };

        var digest = RegionalDigest.Of(Period, now, before, new Dictionary<MunicipalityId, Zone> { [MunicipalityId.Parse("a")] = Zone.High, [MunicipalityId.Parse("b")] = Zone.High });
        var letter = DigestLetter.Compose(digest, id => $"Район {id}");

        Assert.Equal(
            [new DigestRow(MunicipalityId.Parse("a"), 1, 0, 1, Zone.High), new DigestRow(MunicipalityId.Parse("b"), 1, 0, 1, Zone.High), new DigestRow(MunicipalityId.Parse("c"), 2, 0, 0, Zone.None)],
            digest.Municipalities);
        Assert.Equal(["b-1", "c-1", "c-2"], digest.NewHigh.Select(s => s.SchoolId.ToString()));
        Assert.Equal(["b-1", "c-1"], digest.LowResultsEntered.Select(s => s.SchoolId.ToString()));
        Assert.Equal(["a-1"], digest.LowResultsStayed.Select(s => s.SchoolId.ToString()));
        Assert.Equal(["c-2"], digest.LowResultsLeaving.Select(s => s.SchoolId.ToString()));
        Assert.Equal(["a-2"], digest.LowResultsLeft.Select(s => s.SchoolId.ToString()));
        Assert.Equal(digest.Key, RegionalDigest.Of(Period, now, before, new Dictionary<MunicipalityId, Zone> { [MunicipalityId.Parse("a")] = Zone.High, [MunicipalityId.Parse("b")] = Zone.High }).Key);
        Assert.NotEqual(digest.Key, RegionalDigest.Of(Period, now[..3], before, new Dictionary<MunicipalityId, Zone> { [MunicipalityId.Parse("a")] = Zone.High, [MunicipalityId.Parse("b")] = Zone.High }).Key);
        Assert.Contains("Новые школы в зоне высокого риска: 3", letter.Text, StringComparison.Ordinal);
        Assert.Contains("Район b: b-1 Школа b-1", letter.Text, StringComparison.Ordinal);
        Assert.Contains("Вошли — 2 (из них повторно — 1), остаются — 1, выход не подтверждён — 1, вышли — 1.", letter.Text, StringComparison.Ordinal);
        Assert.Contains("Район c: c-1 Школа c-1 — повторно (выходила в 2022-2023)", letter.Text, StringComparison.Ordinal);
        Assert.Contains("Вышли из группы риска (ШНОР): 1", letter.Html, StringComparison.Ordinal);
    }

    private static MunicipalityNotice Notice() =>
        new("2023-2024_u1_v1", MunicipalityId.Parse("gatchinsky"), Period, "u1", "2023-2024/gatchinsky/schools.csv", NoticeKind.Evaluated, TestIds.Version("v1"), 4,
            [
                new RiskSchool(SchoolId.Parse("gatchinsky-001"), "Школа <script>", Zone.High, [Ege]) { Before = Zone.Medium, Reasons = [ZoneReason.HighIndicator] },
                new RiskSchool(SchoolId.Parse("gatchinsky-002"), "Школа 2", Zone.Medium, []) { Before = Zone.None, Reasons = [ZoneReason.UnfavourableConditions] },
            ],
            null)
        {
            Left = [new LeftSchool(SchoolId.Parse("gatchinsky-003"), "Школа \"Три\"", Zone.High)],
        };
}
