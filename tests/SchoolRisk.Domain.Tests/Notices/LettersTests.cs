using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Notices.Digest;
using SchoolRisk.Domain.Notices.Letters;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Notices;

public sealed class LettersTests
{
    private static readonly Period Period = Period.Parse("2023-2024");

    private static readonly IndicatorFinding Ege = new("ege_below_min_share", 12.5m, Zone.High, 10, "ege_below_min_share.high");

    [Fact]
    public void MunicipalityLetter_SaysWhichSchoolsEnteredStayedAndLeft_WithValueThresholdAndZone_InBothAlternatives()
    {
        var letter = MunicipalityLetter.Compose(Notice(), "Гатчинский район");

        Assert.Equal("Гатчинский район: зоны риска школ за 2023-2024: высокий риск — 1, средний — 1", letter.Subject);
        foreach (var body in new[] { letter.Html, letter.Text })
        {
            Assert.Contains("Вошли в зону риска в этом периоде", body, StringComparison.Ordinal);
            Assert.Contains("Остаются в зоне риска", body, StringComparison.Ordinal);
            Assert.Contains("Вышли из зоны риска", body, StringComparison.Ordinal);
            Assert.Contains("gatchinsky-003 Школа &quot;Три&quot;".Replace("&quot;", body == letter.Html ? "&quot;" : "\"", StringComparison.Ordinal), body, StringComparison.Ordinal);
            Assert.Contains("Доля результатов ЕГЭ ниже минимального балла: 12,5 % (порог 10 %, высокий риск)", body, StringComparison.Ordinal);
            Assert.Contains("Версия правил: v1", body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script>", letter.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", letter.Html, StringComparison.Ordinal);
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

        var plan = DeliveryPlan.ForNotice(Notice(), directory);

        Assert.Equal(
            [("notice", "g@edu.example.ru"), ("notice", "https://g.example.ru/hook"), ("alert", "c@edu.example.ru")],
            plan.Select(d => (d.Kind, d.Address)));
        Assert.Equal(plan.Count, plan.Select(d => d.DeliveryId).Distinct().Count());
        Assert.Equal(plan.Select(d => d.DeliveryId), DeliveryPlan.ForNotice(Notice(), directory).Select(d => d.DeliveryId));
    }

    [Fact]
    public void Digest_CountsPerMunicipalityAndZone_NewHighSchools_AndChangesOfTheLowResultsList()
    {
        DigestSchool School(string municipality, string id, Zone zone, bool low = false) => new(municipality, id, $"Школа {id}", zone, low);
        var before = new[] { School("a", "a-1", Zone.High, low: true), School("a", "a-2", Zone.None, low: true), School("b", "b-1", Zone.Medium) };
        var now = new[] { School("a", "a-1", Zone.High, low: true), School("a", "a-2", Zone.None), School("b", "b-1", Zone.High, low: true), School("b", "b-2", Zone.None) };

        var digest = RegionalDigest.Of(Period, now, before, new Dictionary<string, Zone> { ["a"] = Zone.High, ["b"] = Zone.High });
        var letter = DigestLetter.Compose(digest, id => $"Район {id}");

        Assert.Equal([new DigestRow("a", 1, 0, 1, Zone.High), new DigestRow("b", 1, 0, 1, Zone.High)], digest.Municipalities);
        Assert.Equal(["b-1"], digest.NewHigh.Select(s => s.SchoolId));
        Assert.Equal(["b-1"], digest.LowResultsEntered.Select(s => s.SchoolId));
        Assert.Equal(["a-2"], digest.LowResultsLeft.Select(s => s.SchoolId));
        Assert.Equal(digest.Key, RegionalDigest.Of(Period, now, before, new Dictionary<string, Zone> { ["a"] = Zone.High, ["b"] = Zone.High }).Key);
        Assert.NotEqual(digest.Key, RegionalDigest.Of(Period, now[..3], before, new Dictionary<string, Zone> { ["a"] = Zone.High, ["b"] = Zone.High }).Key);
        Assert.Contains("Новые школы в зоне высокого риска: 1", letter.Text, StringComparison.Ordinal);
        Assert.Contains("Район b: b-1 Школа b-1", letter.Text, StringComparison.Ordinal);
        Assert.Contains("Вышли из списка ШНОР: 1", letter.Html, StringComparison.Ordinal);
    }

    private static MunicipalityNotice Notice() =>
        new("2023-2024_u1_v1", "gatchinsky", Period, "u1", "2023-2024/gatchinsky/schools.csv", NoticeKind.Evaluated, "v1", 4,
            [
                new RiskSchool("gatchinsky-001", "Школа <script>", Zone.High, [Ege]) { Before = Zone.Medium },
                new RiskSchool("gatchinsky-002", "Школа 2", Zone.Medium, []) { Before = Zone.None },
            ],
            null)
        {
            Left = [new LeftSchool("gatchinsky-003", "Школа \"Три\"", Zone.High)],
        };
}
