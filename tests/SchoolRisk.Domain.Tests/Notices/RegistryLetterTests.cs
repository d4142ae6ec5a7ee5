using System.Text;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Notices.Letters;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.Domain.Registry;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Tests.Notices;

/// <summary>The committee is told about its own files: which rows, which version is in use, what to do.</summary>
public sealed class RegistryLetterTests
{
    private static readonly DateTimeOffset SavedAt = new(2026, 11, 29, 10, 15, 0, TimeSpan.Zero);
    private static readonly ReportLinks Links = new("registry/schools.csv/v1/report.json", "registry/schools.csv/v1/report.csv");

    [Fact]
    public async Task RefusedAndRepeatedRows_GoToTheCommitteeOnly_NamingFileRowColumnAndTheVersionInUse()
    {
        var check = (await ReadAsync("registry-school-id-slash.csv")).Check;
        var report = new RegistryReport(RegistryFileKind.Schools, "schools.csv", "20261129T101500Z_1a2b3c4d", SavedAt, null, check, new RegistryVersionInUse(SavedAt, false, 2));
        var notice = MunicipalityNotice.ForRegistry(report, Links);
        var directory = new RecipientDirectory([
            new Recipient("gatchinsky", "Гатчинский район", "g@edu.example.ru", null, null),
            new Recipient(RecipientDirectory.Committee, "Комитет", "c@edu.example.ru", new Uri("https://c.example.ru/hook"), "k")]);

        var plan = DeliveryPlan.ForNotice(notice, directory, new LetterLinks(new Uri("https://storage.example/reports/registry/schools.csv/v1/report.csv?sig=x"), null, SavedAt.AddDays(7), null));

        Assert.Equal(("registry_schools_20261129T101500Z_1a2b3c4d", "2026-2027", NoticeKind.RegistryProblems), (notice.NoticeId, notice.Period.ToString(), notice.Kind));
        Assert.Equal(["c@edu.example.ru", "https://c.example.ru/hook"], plan.Select(delivery => delivery.Address));
        var letter = plan[0].Letter;
        Assert.Equal("Реестр школ «schools.csv»: строк с ошибками — 1, они не учтены", letter.Subject);
        Assert.Contains("сохранён 29.11.2026 13:15 МСК и проверен", letter.Text, StringComparison.Ordinal);
        Assert.Contains("строка 2, столбец «school_id»: код школы «gatchinsky-001/1» содержит недопустимый знак «/»", letter.Text, StringComparison.Ordinal);
        Assert.Contains("Используется этот файл: учтено строк — 2 из 3; строки с ошибками не учтены, остальные действуют.", letter.Text, StringComparison.Ordinal);
        Assert.Contains("отчёт о проверке файла (CSV, открывается в Excel): https://storage.example/reports/registry/schools.csv/v1/report.csv?sig=x", letter.Text, StringComparison.Ordinal);
        Assert.Contains("Ссылка действует до", letter.Text, StringComparison.Ordinal);
        Assert.Contains("<li>Реестр школ &#171;registry-school-id-slash.csv&#187;, строка 2, столбец &#171;school_id&#187;", letter.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnusableFile_TheLetterSaysWhyAndThatTheLastGoodVersionIsInUse_OrThatNoneIs()
    {
        const string Reason = "Справочник адресатов «recipients.csv», строка 1: нет столбца «email» (нужны столбцы recipient_id, name, email, webhook_url, webhook_secret).";
        var lastGood = new RegistryReport(RegistryFileKind.Recipients, "recipients.csv", "v2", SavedAt, Reason, null, new RegistryVersionInUse(SavedAt.AddDays(-1), true, 19));

        var letter = RegistryLetter.Compose(MunicipalityNotice.ForRegistry(lastGood, Links), LetterLinks.None);
        var none = RegistryLetter.Compose(MunicipalityNotice.ForRegistry(lastGood with { InUse = null }, Links), LetterLinks.None);

        Assert.Equal("Справочник адресатов «recipients.csv» не может быть использован", letter.Subject);
        Assert.Contains("Файл нельзя использовать. " + Reason, letter.Text, StringComparison.Ordinal);
        Assert.Contains(
            "Этот файл не используется: действует последняя исправная версия «recipients.csv», сохранённая 28.11.2026 13:15 МСК (её копия — last-good/recipients.csv в том же контейнере), строк в ней учтено: 19.",
            letter.Text, StringComparison.Ordinal);
        Assert.Contains("Исправной версии файла «recipients.csv» нет: уведомления не могут быть отправлены", none.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ListsEveryProblemAndNote_AndLastWhichVersionIsInUse()
    {
        var check = (await ReadAsync("registry-duplicate-row.csv")).Check;
        var report = new RegistryReport(RegistryFileKind.Schools, "schools.csv", "v1", SavedAt, null, check, new RegistryVersionInUse(SavedAt, false, 3));
        using var csv = new MemoryStream();

        await RegistryReportFiles.WriteCsvAsync(report, csv, TestContext.Current.CancellationToken);

        Assert.True(report.HasProblems);
        Assert.Equal(
            [
                "Строка;Столбец;Значение;Вид;Сообщение",
                "5;school_id;kirovsky-003;замечание;\"Реестр школ «registry-duplicate-row.csv», строка 5, столбец «school_id»: строка повторяет строку 4; школа «kirovsky-003» учтена один раз, повтор можно удалить.\"",
                ";;;итог;Используется этот файл: учтено строк — 3 из 4.",
            ],
            Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF').TrimEnd().Split(Environment.NewLine));
    }

    private static async Task<SchoolRegistry> ReadAsync(string name)
    {
        await using var content = CaseFiles.Open("2026-11-29", name);
        return await SchoolRegistry.ReadCsvAsync(content, name, TestContext.Current.CancellationToken);
    }
}
