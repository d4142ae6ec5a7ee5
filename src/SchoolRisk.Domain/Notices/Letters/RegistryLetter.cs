using SchoolRisk.Domain.Registry;

namespace SchoolRisk.Domain.Notices.Letters;

/// <summary>
/// The committee's letter about an edit of its school registry, recipients directory or a period's federal list
/// (<see cref="NoticeKind.RegistryProblems"/>): which file and when it was saved; why it cannot be used, or which rows
/// were refused and which repeated (each naming the file, row, column and value); which version is in use now; where
/// the full report is; and what to do.
/// </summary>
public static class RegistryLetter
{
    /// <param name="notice">The notice about the committee's file.</param>
    /// <param name="links">A read-only link made for this letter to the file's report, and until when it works; <see cref="LetterLinks.None"/> leaves it out.</param>
    public static Letter Compose(MunicipalityNotice notice, LetterLinks links)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(links);
        var registry = notice.Registry ?? throw new ArgumentException($"Notice {notice.NoticeId} is not about the committee's files.", nameof(notice));
        var problems = notice.Problems;
        var file = $"{registry.Title} «{notice.BlobName}»";
        var subject = problems?.RejectionReason is not null
            ? $"{file} не может быть использован"
            : problems is { ProblemCount: > 0 }
                ? $"{file}: строк с ошибками — {problems.SkippedRows - registry.NoteCount}, они не учтены"
                : $"{file}: повторяющиеся строки — {registry.NoteCount}";
        var letter = new LetterBuilder(subject)
            .Paragraph($"Файл «{notice.BlobName}» сохранён {RegistryReport.Time(registry.SavedAt)} и проверен.");
        if (problems?.RejectionReason is { } reason)
        {
            letter.Paragraph($"Файл нельзя использовать. {reason}");
        }

        if (problems is { ProblemCount: > 0 })
        {
            letter.Heading("Ошибки: эти строки не учтены")
                .Paragraph($"Строк с данными: {problems.DataRows}; ошибок: {problems.ProblemCount}" +
                    (problems.ProblemCount > problems.FirstProblems.Count ? $"; первые {problems.FirstProblems.Count}:" : ":"))
                .Bullets(problems.FirstProblems);
        }

        if (registry.NoteCount > 0)
        {
            letter.Heading("Замечания: ничего не потеряно")
                .Paragraph(registry.NoteCount > registry.FirstNotes.Count ? $"Замечаний: {registry.NoteCount}; первые {registry.FirstNotes.Count}:" : $"Замечаний: {registry.NoteCount}:")
                .Bullets(registry.FirstNotes);
        }

        letter.Heading("Какая версия действует").Paragraph(registry.InUse)
            .Heading("Что сделать")
            .Paragraph(registry.Kind switch
            {
                RegistryFileKind.Schools =>
                    "Исправьте эти строки и сохраните файл снова: новая версия будет проверена сразу. Пока школа не учтена в реестре, её строки в файлах муниципалитета пропускаются с сообщением «не принята в реестр школ» и причиной.",
                RegistryFileKind.FederalList =>
                    "Исправьте эти строки и загрузите файл снова (страница или schoolrisk federal put): новая версия будет проверена сразу. Пока строка не учтена, школы нет в федеральном перечне этого периода, и сравнение с региональной группой ШНОР идёт без неё.",
                _ => "Исправьте эти строки и сохраните файл снова: новая версия будет проверена сразу. Пока строка не учтена, её адреса уведомлений не получают; остальные адресаты получают их как обычно.",
            });
        if (links.Report is { } report)
        {
            letter.Link("Все строки с замечаниями:", "отчёт о проверке файла (CSV, открывается в Excel)", report)
                .Paragraph($"Ссылка действует до {RussianText.Moment(links.ExpiresOn)}.");
        }

        return letter.Paragraph($"Номер уведомления: {notice.NoticeId}.").Build(subject);
    }
}
