using System.Globalization;
using System.Text;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices.Letters;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Recommendations;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Support.Effect;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices.Notes;

/// <summary>
/// The analytical note the methodology sends a municipality after each assessment: a summary, its zone counts against
/// the region's (with a chart), each risk school with its indicators, the addressed recommendations that apply, what
/// changed since the period before, and the
/// low-result group's entries, stays and exits among its schools, and the effect of the support they got. A
/// printable HTML page in Russian (print it to PDF from any browser); charts are inline SVG, so it needs nothing else.
/// </summary>
public static class AnalyticalNote
{
    /// <summary>Where a municipality's note of a period is kept in the reports container.</summary>
    public static string BlobName(Period period, MunicipalityId municipalityId) => $"{period}/{municipalityId}/note.html";

    /// <param name="period">The period.</param>
    /// <param name="municipalityName">The municipality's name.</param>
    /// <param name="municipalZone">The municipality's zone (schools' and rubrics').</param>
    /// <param name="ruleSetVersion">The rule set that evaluated it.</param>
    /// <param name="schools">The municipality's schools.</param>
    /// <param name="region">The region's schools per zone.</param>
    /// <param name="riskGroup">The low-result group's entry and exit criteria, to describe each school's standing.</param>
    /// <param name="supportEffects">The effect of the support its schools got one and two periods before (its supported schools beside the region's comparable ones); empty when none.</param>
    public static string Compose(
        Period period, string municipalityName, Zone municipalZone, RuleSetVersion ruleSetVersion, IReadOnlyList<NoteSchool> schools, ZoneCounts region, RiskGroupSettings riskGroup,
        IReadOnlyList<SupportEffect> supportEffects)
    {
        ArgumentNullException.ThrowIfNull(riskGroup);
        ArgumentNullException.ThrowIfNull(schools);
        ArgumentNullException.ThrowIfNull(region);
        var own = ZoneCounts.Of(schools.Select(school => school.Zone));
        var title = $"Аналитическая справка: {municipalityName}, {period}";
        var note = new LetterBuilder(title)
            .Paragraph($"Оценено школ: {own.Total}. Зона муниципалитета: {RussianText.Zone(municipalZone)}. В зоне высокого риска — {own.High} ({Percent(own.Share(Zone.High))}), " +
                $"среднего — {own.Medium} ({Percent(own.Share(Zone.Medium))}); по региону — {Percent(region.Share(Zone.High))} и {Percent(region.Share(Zone.Medium))}. " +
                $"Школ с низкими результатами (ШНОР): {schools.Count(school => school.LowResults)}.")
            .Heading("Зоны риска: муниципалитет и регион")
            .Table(
                ["", "Высокий риск", "Средний риск", "Вне зоны риска", "Школ"],
                [
                    [municipalityName, Count(own, Zone.High), Count(own, Zone.Medium), Count(own, Zone.None), $"{own.Total}"],
                    ["Регион", Count(region, Zone.High), Count(region, Zone.Medium), Count(region, Zone.None), $"{region.Total}"],
                ])
            .Figure(Bars([(municipalityName, own), ("Регион", region)]), "Доли школ по зонам риска: красный — высокий, оранжевый — средний, зелёный — вне зоны.");
        var risk = schools.Where(school => school.Zone != Zone.None).OrderByDescending(school => school.Zone).ThenBy(school => school.SchoolId).ToList();
        note.Heading($"Школы в зонах риска: {risk.Count}");
        if (risk.Count > 0)
        {
            note.Table(
                ["Школа", "Зона", "Год назад", "Почему в зоне риска", "Показатели в зоне риска"],
                risk.Select(school => (IReadOnlyList<string>)[
                    $"{school.SchoolId} {school.SchoolName}", RussianText.Zone(school.Zone), school.Before is { } before ? RussianText.Zone(before) : "нет данных",
                    RussianText.Reasons(school.Reasons, school.Findings), RussianText.Findings(school.Findings)]));
        }

        // A measure about the municipality as a whole comes once, first; every other with its school.
        var recommended = schools.Select(school => school.Recommendations).AboutTheMunicipality().Select(recommendation => (School: "муниципалитет в целом", Recommendation: recommendation))
            .Concat(schools.OrderByDescending(school => school.Zone).ThenBy(school => school.SchoolId)
                .SelectMany(school => school.Recommendations.AboutTheSchool().Select(recommendation => (School: $"{school.SchoolId} {school.SchoolName}", Recommendation: recommendation))))
            .ToList();
        if (recommended.Count > 0)
        {
            note.Heading("Адресные рекомендации")
                .Table(
                    ["Школа", "Кому", "Мера", "Основание"],
                    recommended.Select(row => (IReadOnlyList<string>)[row.School, row.Recommendation.Addressee.Title(), row.Recommendation.Measure, row.Recommendation.Reason]));
        }

        var entered = risk.Where(school => school.Before is null or Zone.None).ToList();
        var left = schools.Where(school => school.Zone == Zone.None && school.Before is Zone.High or Zone.Medium).ToList();
        note.Heading("Изменения с прошлого года")
            .Paragraph($"Вошли в зону риска: {entered.Count}; вышли из неё: {left.Count}; перешли из среднего в высокий: " +
                $"{risk.Count(school => school.Zone == Zone.High && school.Before == Zone.Medium)}.");
        if (entered.Count + left.Count > 0)
        {
            note.Bullets(entered.Select(school => $"вошла: {school.SchoolId} {school.SchoolName} ({RussianText.Zone(school.Zone)})")
                .Concat(left.Select(school => $"вышла: {school.SchoolId} {school.SchoolName} (была: {RussianText.Zone(school.Before!.Value)})")));
        }

        var group = schools.Where(school => school.RiskGroup.Status != RiskGroupStatus.Outside)
            .OrderBy(school => school.RiskGroup.Status).ThenBy(school => school.SchoolId).ToList();
        if (group.Count > 0)
        {
            int Of(params RiskGroupStatus[] statuses) => group.Count(school => statuses.Contains(school.RiskGroup.Status));
            note.Heading("Группа риска: школы с низкими результатами (ШНОР)")
                .Paragraph($"Вошли — {Of(RiskGroupStatus.Entered, RiskGroupStatus.ReEntered)} (из них повторно — {Of(RiskGroupStatus.ReEntered)}), остаются — {Of(RiskGroupStatus.Stayed)}, " +
                    $"выход не подтверждён — {Of(RiskGroupStatus.Leaving)}, вышли — {Of(RiskGroupStatus.Exited)}. Школа выходит из группы после {riskGroup.ExitPeriods} " +
                    $"{(riskGroup.ExitPeriods == 1 ? "периода" : "периодов")} подряд без низких результатов.")
                .Table(["Школа", "Положение"], group.Select(school => (IReadOnlyList<string>)[$"{school.SchoolId} {school.SchoolName}", school.RiskGroup.Describe(riskGroup)]));
        }

        SupportEffectText.Write(note, supportEffects, "муниципалитета");
        return note.Paragraph($"Версия правил оценки: {ruleSetVersion}. Справка составлена автоматически по данным загрузки и пересчёта региона.").Build(title).Html;
    }

    private static string Count(ZoneCounts counts, Zone zone) =>
        $"{(zone switch { Zone.High => counts.High, Zone.Medium => counts.Medium, _ => counts.None })} ({Percent(counts.Share(zone))})";

    private static string Percent(decimal share) => $"{share.ToString("0.#", RussianText.Culture)} %";

    /// <summary>One horizontal bar per row, split by zone in proportion to its schools.</summary>
    private static string Bars(IReadOnlyList<(string Label, ZoneCounts Counts)> rows)
    {
        const int width = 520, labelWidth = 160, rowHeight = 28;
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{(rows.Count * rowHeight) + 4}\" role=\"img\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, counts) = rows[i];
            var y = (i * rowHeight) + 2;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 17}\" font-size=\"13\">{System.Net.WebUtility.HtmlEncode(label)}</text>");
            var x = (double)labelWidth;
            foreach (var (zone, color) in new[] { (Zone.High, "#c9302c"), (Zone.Medium, "#ec971f"), (Zone.None, "#449d44") })
            {
                var span = (double)counts.Share(zone) / 100 * (width - labelWidth);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y}\" width=\"{span:0.#}\" height=\"22\" fill=\"{color}\"/>");
                x += span;
            }
        }

        return svg.Append("</svg>").ToString();
    }
}
