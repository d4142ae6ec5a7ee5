using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices.Notes;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Recommendations;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Notices;

public sealed class AnalyticalNoteTests
{
    [Fact]
    public void Note_ComparesZoneSharesWithTheRegion_ListsRiskSchoolsWithIndicators_AndTheChangesSinceLastYear()
    {
        NoteSchool School(string id, Zone zone, Zone? before, params IndicatorFinding[] findings) => new(SchoolId.Parse(id), $"Школа {id}", zone, before, findings, false);
        var schools = new[]
        {
            School("k-1", Zone.High, Zone.Medium, new IndicatorFinding("ege_below_min_share", 15m, Zone.High, 10, "ege_below_min_share.high")),
            School("k-2", Zone.Medium, null) with
            {
                Reasons = [ZoneReason.UnfavourableConditions],
                Recommendations = [new Recommendation("unfavourable.municipality", Addressee.Municipality, "Компенсировать условия.", "ШНСУ")],
            },
            School("k-3", Zone.None, Zone.High) with { RiskGroup = new RiskGroupStanding(RiskGroupStatus.Exited, 0, Period.Parse("2021-2022"), Period.Parse("2023-2024")) },
            School("k-4", Zone.None, Zone.None),
        };

        var html = AnalyticalNote.Compose(Period.Parse("2023-2024"), "Кировский район", Zone.High, TestIds.Version("v1"), schools, new ZoneCounts(10, 20, 70), RiskGroupSettings.Default, []);

        Assert.Contains("<h1>Аналитическая справка: Кировский район, 2023-2024</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Кировский район</td><td>1 (25 %)</td><td>1 (25 %)</td><td>2 (50 %)</td><td>4</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Регион</td><td>10 (10 %)</td><td>20 (20 %)</td><td>70 (70 %)</td><td>100</td>", html, StringComparison.Ordinal);
        Assert.Contains("Доля результатов ЕГЭ ниже минимального балла: 15 % (порог 10 %, высокий риск)", html, StringComparison.Ordinal);
        Assert.Contains("<td>ШНСУ — школа, работающая в неблагоприятных социальных условиях</td><td>—</td>", html, StringComparison.Ordinal);
        Assert.Contains("Вошли в зону риска: 1; вышли из неё: 1; перешли из среднего в высокий: 1.", html, StringComparison.Ordinal);
        Assert.Contains("Вошли — 0 (из них повторно — 0), остаются — 0, выход не подтверждён — 0, вышли — 1. Школа выходит из группы после 2 периодов подряд без низких результатов.", html, StringComparison.Ordinal);
        Assert.Contains("<td>k-3 Школа k-3</td><td>вышла из группы риска в 2023-2024</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>k-2 Школа k-2</td><td>муниципалитету</td><td>Компенсировать условия.</td><td>ШНСУ</td>", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Equal("2023-2024/kirovsky/note.html", AnalyticalNote.BlobName(Period.Parse("2023-2024"), MunicipalityId.Parse("kirovsky")));
    }

    [Fact]
    public void Note_AMeasureAboutTheMunicipality_OnceAsTheMunicipalitysRow_EvenWhenEverySchoolHasIt()
    {
        var audit = new Recommendation("rubrics.committee", Addressee.Committee, "Провести методический аудит.", "рубрикатор в нижнем уровне", ConcernsMunicipality: true);
        NoteSchool School(string id, Zone zone) => new NoteSchool(SchoolId.Parse(id), $"Школа {id}", zone, null, [], false) with { Recommendations = [audit] };

        var html = AnalyticalNote.Compose(
            Period.Parse("2023-2024"), "Кировский район", Zone.High, TestIds.Version("v1"), [School("k-1", Zone.High), School("k-2", Zone.None)], new ZoneCounts(1, 0, 1),
            RiskGroupSettings.Default, []);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "Провести методический аудит"));
        Assert.Contains("<td>муниципалитет в целом</td><td>комитету</td><td>Провести методический аудит.</td>", html, StringComparison.Ordinal);
    }
}
