using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices.Letters;

/// <summary>
/// The committee's risk-zone alert about a municipality's notice: the schools that came into the high zone (from a lower
/// zone the period before, or by a change of rules). Schools that stay high are left to the digest, so an alert is news.
/// </summary>
public static class CommitteeAlert
{
    /// <summary>The alert, or <c>null</c> when no school of the notice came into the high zone.</summary>
    public static Letter? Compose(MunicipalityNotice notice, string municipalityName)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var schools = notice.Kind == NoticeKind.RulesChanged
            ? notice.ZoneChanges.Where(change => change.After == Zone.High && change.Before != Zone.High)
                .Select(change => (change.SchoolId, change.SchoolName, change.Findings)).ToList()
            : notice.Schools.Where(school => school.Zone == Zone.High && school.Before != Zone.High)
                .Select(school => (school.SchoolId, school.SchoolName, school.Findings)).ToList();
        if (schools.Count == 0)
        {
            return null;
        }

        var subject = $"Зона высокого риска: {municipalityName}, {notice.Period} — новых школ: {schools.Count}";
        return new LetterBuilder(subject)
            .Paragraph(notice.Kind == NoticeKind.RulesChanged
                ? $"После изменения правил оценки (версия {notice.RuleSetVersion}) в зону высокого риска перешли школы муниципалитета «{municipalityName}»:"
                : $"По загрузке «{notice.BlobName}» в зону высокого риска вошли школы муниципалитета «{municipalityName}»:")
            .Table(["Школа", "Показатели"], schools.Select(school => (IReadOnlyList<string>)[
                $"{school.SchoolId} {school.SchoolName}", string.Join("; ", school.Findings.Select(RussianText.Finding))]))
            .Paragraph($"Версия правил: {notice.RuleSetVersion}; номер уведомления: {notice.NoticeId}. Сводка по региону приходит отдельным письмом.")
            .Build(subject);
    }
}
