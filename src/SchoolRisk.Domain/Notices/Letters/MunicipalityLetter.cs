using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices.Letters;

/// <summary>
/// The letter a municipality gets about one of its notices (domain.md, section 7): schools that entered, stayed in or
/// left a risk zone this period, each with the indicators that put it there (value, threshold, zone); the rule-set
/// version; the upload's problems; where to see more. A municipality's letter names only its own schools.
/// </summary>
public static class MunicipalityLetter
{
    public static Letter Compose(MunicipalityNotice notice, string municipalityName)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var high = notice.Schools.Count(school => school.Zone == Zone.High);
        var medium = notice.Schools.Count(school => school.Zone == Zone.Medium);
        var subject = notice.Kind switch
        {
            NoticeKind.Rejected => $"{municipalityName}: файл «{FileName(notice)}» за {notice.Period} не принят",
            NoticeKind.RulesChanged => $"{municipalityName}: изменились правила оценки, пересмотрены зоны риска школ ({notice.Period})",
            NoticeKind.RubricsEvaluated => $"{municipalityName}: результаты оценки по рубрикаторам за {notice.Period}",
            _ => $"{municipalityName}: зоны риска школ за {notice.Period}: высокий риск — {high}, средний — {medium}",
        };
        var letter = new LetterBuilder(subject);
        switch (notice.Kind)
        {
            case NoticeKind.Evaluated:
                letter.Paragraph($"Файл «{FileName(notice)}» за {notice.Period} обработан: оценено школ — {notice.SchoolCount}; в зоне высокого риска — {high}, среднего — {medium}.");
                Schools(letter, "Вошли в зону риска в этом периоде", [.. notice.Schools.Where(school => school.Entered)], withBefore: false);
                Schools(letter, "Остаются в зоне риска", [.. notice.Schools.Where(school => !school.Entered)], withBefore: true);
                if (notice.Left.Count > 0)
                {
                    letter.Heading("Вышли из зоны риска").Bullets(notice.Left.Select(school => $"{school.SchoolId} {school.SchoolName} (в прошлом периоде: {RussianText.Zone(school.Before)})"));
                }

                break;
            case NoticeKind.RulesChanged:
                letter.Paragraph($"Ваши данные не менялись: комитет изменил правила оценки (версия {notice.RuleSetVersion}), и зоны риска этих школ за {notice.Period} стали другими.")
                    .Table(
                        ["Школа", "Было", "Стало", "Показатели"],
                        notice.ZoneChanges.Select(change => (IReadOnlyList<string>)[
                            $"{change.SchoolId} {change.SchoolName}", RussianText.Zone(change.Before), RussianText.Zone(change.After),
                            string.Join("; ", change.Findings.Select(RussianText.Finding))]));
                break;
            case NoticeKind.RubricsEvaluated:
                letter.Paragraph($"Файл «{FileName(notice)}» за {notice.Period} обработан. Рубрикаторы в нижнем и среднем уровне:")
                    .Table(
                        ["Рубрикатор", "Объект оценки", "Баллы", "Уровень", "Зона"],
                        notice.Rubrics.Select(rubric => (IReadOnlyList<string>)[
                            rubric.RubricId, $"{rubric.Subject} {rubric.SubjectName}".Trim(), $"{rubric.Total} из {rubric.MaxScore}", rubric.Band.Label, RussianText.Zone(rubric.Zone)]));
                break;
            default:
                letter.Paragraph($"Файл «{FileName(notice)}» за {notice.Period} не принят, ничего не оценено. Причина: {notice.Problems?.RejectionReason}");
                break;
        }

        if (notice.Kind != NoticeKind.Rejected && notice.Problems is { } problems)
        {
            letter.Heading("Ошибки в файле")
                .Paragraph($"Пропущено строк: {problems.SkippedRows} из {problems.DataRows}; замечаний: {problems.ProblemCount}. Первые из них:")
                .Bullets(problems.FirstProblems);
        }

        letter.Heading("Подробнее");
        if (notice.Problems?.Report is { } report)
        {
            letter.Paragraph($"Полный отчёт об ошибках: reports/{report.Csv} (CSV для Excel) и reports/{report.Json}.");
        }

        if (notice.Kind is NoticeKind.Evaluated or NoticeKind.RulesChanged)
        {
            letter.Paragraph($"Аналитическая справка по муниципалитету (для печати): reports/{Notes.AnalyticalNote.BlobName(notice.Period, notice.MunicipalityId)}, " +
                $"а также карта рисков, школы и их динамика на странице мониторинга (/api/site/, по ключу муниципалитета).");
        }

        return letter
            .Paragraph($"Результаты по каждой школе хранятся в таблице results (раздел {notice.Period}_{notice.MunicipalityId}). Версия правил: {notice.RuleSetVersion ?? "—"}; номер уведомления: {notice.NoticeId}.")
            .Paragraph("Если данные неверны, исправьте файл и загрузите его снова: новая загрузка заменит прежнюю.")
            .Build(subject);
    }

    private static void Schools(LetterBuilder letter, string heading, IReadOnlyList<RiskSchool> schools, bool withBefore)
    {
        if (schools.Count == 0)
        {
            return;
        }

        letter.Heading(heading).Table(
            withBefore ? ["Школа", "Зона", "В прошлом периоде", "Показатели"] : ["Школа", "Зона", "Показатели"],
            schools.Select(school => (IReadOnlyList<string>)[
                $"{school.SchoolId} {school.SchoolName}",
                RussianText.Zone(school.Zone),
                .. withBefore ? [RussianText.Zone(school.Before ?? Zone.None)] : Array.Empty<string>(),
                string.Join("; ", school.Findings.Select(RussianText.Finding))]));
    }

    private static string FileName(MunicipalityNotice notice) => notice.BlobName.Split('/')[^1];
}
