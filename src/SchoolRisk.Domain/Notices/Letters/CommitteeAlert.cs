using SchoolRisk.Domain.Recommendations;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices.Letters;

/// <summary>
/// The committee's risk-zone alert about a municipality's notice: the schools that came into the high zone (from a lower
/// zone the period before, or by a change of rules), each with why it is there. Schools that stay high are left to the
/// digest, so an alert is news. Beside each school, the measures the recommendation rules address to the committee
/// («—» when none, and for a change of rules, whose notice carries no recommendations).
/// </summary>
public static class CommitteeAlert
{
    /// <summary>The alert, or <c>null</c> when no school of the notice came into the high zone.</summary>
    public static Letter? Compose(MunicipalityNotice notice, string municipalityName)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var schools = notice.Kind == NoticeKind.RulesChanged
            ? notice.ZoneChanges.Where(change => change.After == Zone.High && change.Before != Zone.High)
                .Select(change => (change.SchoolId, change.SchoolName, change.Reasons, change.Findings, Measures: string.Empty)).ToList()
            : notice.Schools.Where(school => school.Zone == Zone.High && school.Before != Zone.High)
                .Select(school => (school.SchoolId, school.SchoolName, school.Reasons, school.Findings, Measures: string.Join("; ", school.Recommendations.AboutTheSchool()
                    .Where(recommendation => recommendation.Addressee == Addressee.Committee).Select(recommendation => $"{recommendation.Measure} (основание: {recommendation.Reason})"))))
                .ToList();
        if (schools.Count == 0)
        {
            return null;
        }

        var subject = $"Зона высокого риска: {municipalityName}, {notice.Period} — новых школ: {schools.Count}";
        return new LetterBuilder(subject)
            .Paragraph(notice.Kind == NoticeKind.RulesChanged
                ? $"После изменения правил оценки (версия {notice.RuleSetVersion}) в зону высокого риска перешли школы муниципалитета «{municipalityName}»:"
                : $"По файлу «{notice.BlobName.Split('/')[^1]}» за {notice.Period} в зону высокого риска вошли школы муниципалитета «{municipalityName}»:")
            .Table(["Школа", "Почему в зоне риска", "Показатели в зоне риска", "Меры комитета"], schools.Select(school => (IReadOnlyList<string>)[
                $"{school.SchoolId} {school.SchoolName}", RussianText.Reasons(school.Reasons, school.Findings), RussianText.Findings(school.Findings),
                school.Measures.Length > 0 ? school.Measures : "—"]))
            .Paragraph($"Версия правил: {notice.RuleSetVersion}; номер уведомления: {notice.NoticeId}. Сводка по региону приходит отдельным письмом.")
            .Build(subject);
    }
}
