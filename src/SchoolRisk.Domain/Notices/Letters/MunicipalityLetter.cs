using SchoolRisk.Domain.Recommendations;
using SchoolRisk.Domain.Rubrics;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices.Letters;

/// <summary>
/// The letter a municipality gets about one of its notices (docs/methodology.md, section 7.1): schools that entered, stayed in or
/// left a risk zone this period, each with why it is there (indicators with value, threshold and zone, or a
/// classification such as ШНСУ); the addressed recommendations that apply; the schools' entries, stays and exits of the
/// low-result group; the rule-set version; the upload's problems; for a rejected file, the reason and what to
/// do next; read-only links to the report and the analytical note, and until when they work. A municipality's letter
/// names only its own schools, and no word of the system's insides (tables, containers, blob paths, status names).
/// </summary>
public static class MunicipalityLetter
{
    /// <summary>
    /// The documents a notice's letter links, as blob names of the reports container: the upload's report
    /// (<c>errors.csv</c>) when it has anything to tell (problems, columns not read, rows left out), the analytical note
    /// when schools were evaluated; for the committee's files, their report; <c>null</c> when not linked.
    /// </summary>
    public static (string? Report, string? Note) LinkedDocuments(MunicipalityNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return (
            notice.Problems is { Report: { } report } problems && (notice.Kind == NoticeKind.RegistryProblems || problems.ProblemCount > 0 || problems.Unrecognised.Count > 0 || problems.NoteCount > 0)
                ? report.Csv
                : null,
            notice.Kind is NoticeKind.Evaluated or NoticeKind.RulesChanged ? Notes.AnalyticalNote.BlobName(notice.Period, notice.MunicipalityId) : null);
    }

    /// <param name="notice">The notice.</param>
    /// <param name="municipalityName">The municipality's name.</param>
    /// <param name="links">Links made for this letter to its <see cref="LinkedDocuments"/>; <see cref="LetterLinks.None"/> leaves them out.</param>
    public static Letter Compose(MunicipalityNotice notice, string municipalityName, LetterLinks links)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(links);
        var high = notice.Schools.Count(school => school.Zone == Zone.High);
        var medium = notice.Schools.Count(school => school.Zone == Zone.Medium);
        var subject = notice.Kind switch
        {
            NoticeKind.Rejected => $"{municipalityName}: файл «{FileName(notice)}» за {notice.Period} не принят",
            NoticeKind.RulesChanged => $"{municipalityName}: изменились правила оценки, пересмотрены зоны риска школ ({notice.Period})",
            NoticeKind.RubricsEvaluated => $"{municipalityName}: результаты оценки по рубрикаторам за {notice.Period}",
            _ => $"{municipalityName}: зоны риска школ за {notice.Period}: высокий риск — {high}, средний — {medium}",
        };
        var (report, note) = (links.Report, links.Note);
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

                Recommendations(letter, notice);

                if (notice.RiskGroup.Count > 0)
                {
                    letter.Heading("Группа риска: школы с низкими результатами (ШНОР)")
                        .Paragraph("Школа входит в группу риска, когда её результаты низкие по сравнению с регионом, и выходит из неё только после нескольких периодов подряд без низких результатов; пока выход не подтверждён, школа остаётся в группе и в зоне высокого риска.")
                        .Table(["Школа", "Положение"], notice.RiskGroup.Select(school => (IReadOnlyList<string>)[$"{school.SchoolId} {school.SchoolName}", school.Description]));
                }

                break;
            case NoticeKind.RulesChanged:
                letter.Paragraph(notice.VersionsBefore() is { Count: > 0 } before
                        ? $"Ваши данные не менялись: комитет сменил правила оценки с версии {string.Join(", ", before)} на версию {notice.RuleSetVersion}, и зоны риска этих школ за {notice.Period} стали другими."
                        : $"Ваши данные не менялись: комитет изменил правила оценки (версия {notice.RuleSetVersion}), и зоны риска этих школ за {notice.Period} стали другими.")
                    .Table(
                        ["Школа", "Было", "Стало", "Почему в зоне риска", "Показатели в зоне риска"],
                        notice.ZoneChanges.Select(change => (IReadOnlyList<string>)[
                            $"{change.SchoolId} {change.SchoolName}", RussianText.Zone(change.Before), RussianText.Zone(change.After),
                            change.After == Zone.None ? "—" : RussianText.Reasons(change.Reasons, change.Findings), RussianText.Findings(change.Findings)]));
                Recommendations(letter, notice);
                break;
            case NoticeKind.RubricsEvaluated:
                letter.Paragraph($"Файл «{FileName(notice)}» за {notice.Period} обработан. Рубрикаторы в нижнем и среднем уровне:")
                    .Table(
                        ["Рубрикатор", "Объект оценки", "Баллы", "Уровень", "Зона"],
                        notice.Rubrics.Select(rubric => (IReadOnlyList<string>)[
                            rubric.Title.Length > 0 ? rubric.Title : rubric.RubricId, SubjectOf(rubric), $"{rubric.Total} из {rubric.MaxScore}", rubric.Band.Label, RussianText.Zone(rubric.Zone)]));
                break;
            default:
                Rejection(letter, notice, report);
                break;
        }

        if (notice.Kind != NoticeKind.Rejected && notice.Problems is { } problems)
        {
            if (problems.ProblemCount > 0)
            {
                letter.Heading("Ошибки в файле")
                    .Paragraph($"Пропущено строк: {problems.SkippedRows} из {problems.DataRows}; замечаний: {problems.ProblemCount}. Первые из них:")
                    .Bullets(problems.FirstProblems);
            }

            if (problems.Unrecognised.Count > 0)
            {
                letter.Heading("Столбцы, которые не прочитаны").Bullets(problems.Unrecognised);
            }

            if (problems.NoteCount > 0)
            {
                letter.Heading("Строки, пропущенные как не школы")
                    .Paragraph($"Таких строк: {problems.NoteCount}; это не ошибка, если это итоги или подписи:")
                    .Bullets(problems.FirstNotes);
            }

            if (report is not null)
            {
                letter.Link("Всё найденное при проверке, с номерами строк и столбцов:", "отчёт о проверке файла (CSV, открывается в Excel)", report);
            }
        }

        letter.Heading("Подробнее");
        if (note is not null)
        {
            letter.Link("Аналитическая справка по муниципалитету за период (для печати; обновляется после пересчёта по всему региону):", "открыть справку", note);
        }

        if (report is not null || note is not null)
        {
            letter.Paragraph($"Ссылки в этом письме действуют до {RussianText.Moment(links.ExpiresOn)}; позже те же сведения — на странице мониторинга.");
        }

        if (links.Site is { } site)
        {
            letter.Link("Карта рисков, все школы муниципалитета и их динамика по годам (вход по ключу доступа муниципалитета):", "страница мониторинга", site);
        }
        else
        {
            letter.Paragraph("Карта рисков, все школы муниципалитета и их динамика по годам — на странице мониторинга (адрес и ключ доступа муниципалитета выдаёт комитет).");
        }

        letter.Paragraph($"Версия правил: {notice.RuleSetVersion?.ToString() ?? "—"}; номер уведомления: {notice.NoticeId}.");
        if (notice.Kind != NoticeKind.Rejected)
        {
            letter.Paragraph("Если данные неверны, исправьте файл и загрузите его снова: новая загрузка заменит прежнюю.");
        }

        return letter.Build(subject);
    }

    /// <summary>
    /// Why the file was refused, in the reading's own words (they name the file, row and column and how to fix it), then
    /// what to do next, without repeating or second-guessing the reason: fix what it names, where the rows are listed,
    /// how to send the file again, and that the period's data accepted before stays in force meanwhile.
    /// </summary>
    /// <summary>
    /// «Адресные рекомендации»: the measures about the municipality as a whole once, then each risk school's own, to whom
    /// and why; nothing when none applies.
    /// </summary>
    private static void Recommendations(LetterBuilder letter, MunicipalityNotice notice)
    {
        var municipal = notice.Schools.Select(school => school.Recommendations).AboutTheMunicipality();
        var recommended = notice.Schools.Select(school => (school.SchoolId, school.SchoolName, Recommendations: school.Recommendations.AboutTheSchool()))
            .Where(school => school.Recommendations.Count > 0).ToList();
        if (municipal.Count == 0 && recommended.Count == 0)
        {
            return;
        }

        letter.Heading("Адресные рекомендации");
        if (municipal.Count > 0)
        {
            letter.Paragraph($"По муниципалитету в целом — {string.Join("; ", municipal.Select(recommendation => recommendation.ToString()))}.");
        }

        if (recommended.Count > 0)
        {
            letter.Table(["Школа", "Рекомендации"], recommended.Select(school => (IReadOnlyList<string>)[
                $"{school.SchoolId} {school.SchoolName}", string.Join("; ", school.Recommendations.Select(recommendation => recommendation.ToString()))]));
        }
    }

    private static void Rejection(LetterBuilder letter, MunicipalityNotice notice, Uri? report)
    {
        letter.Paragraph($"Файл «{FileName(notice)}» за {notice.Period} не принят, ничего не оценено.")
            .Heading("Причина")
            .Paragraph(notice.Problems?.RejectionReason ?? "—")
            .Heading("Что сделать")
            .Bullets(RejectedUploadSteps.For(notice.Period, hasReport: report is not null, onPage: false));
        if (report is not null)
        {
            letter.Link("Замечания по строкам:", "отчёт о проверке файла (CSV, открывается в Excel)", report);
        }
    }

    private static void Schools(LetterBuilder letter, string heading, IReadOnlyList<RiskSchool> schools, bool withBefore)
    {
        if (schools.Count == 0)
        {
            return;
        }

        letter.Heading(heading).Table(
            withBefore ? ["Школа", "Зона", "В прошлом периоде", "Почему в зоне риска", "Показатели в зоне риска"] : ["Школа", "Зона", "Почему в зоне риска", "Показатели в зоне риска"],
            schools.Select(school => (IReadOnlyList<string>)[
                $"{school.SchoolId} {school.SchoolName}",
                RussianText.Zone(school.Zone),
                .. withBefore ? [RussianText.Zone(school.Before ?? Zone.None)] : Array.Empty<string>(),
                RussianText.Reasons(school.Reasons, school.Findings),
                RussianText.Findings(school.Findings)]));
    }

    private static string FileName(MunicipalityNotice notice) => notice.BlobName.Split('/')[^1];

    /// <summary>The object a rubric assessed: its id and name, the id once when the file named it by its id.</summary>
    private static string SubjectOf(RubricResult rubric) =>
        rubric.SubjectName.Length == 0 || string.Equals(rubric.SubjectName.Trim(), rubric.Subject, StringComparison.OrdinalIgnoreCase)
            ? rubric.Subject
            : $"{rubric.Subject} {rubric.SubjectName}";
}
