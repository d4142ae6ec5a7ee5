using System.Text;
using SchoolRisk.Cli;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.LocalHost.MailDev;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Registry;

/// <summary>
/// The committee's mistakes in its registry and recipients directory, through the local host as they happen: the
/// committee gets a letter naming the file and the rows, uploads and notices go on, and no message ends in a poison queue.
/// </summary>
public sealed class CommitteeFilesTests
{
    private const string Committee = "monitoring@edu.example.ru";
    private static readonly Period Period = Period.Parse("2023-2024");

    [Fact]
    public async Task DuplicateRowRegistry_TheCommitteeIsToldTheRow_UploadsComplete_AnUnusableEditLeavesTheLastGoodRegistryInUse()
    {
        await using var deployment = await StartAsync("registry-duplicate-row.csv", "recipients.csv");
        await deployment.UploadAsync("2023-2024/gatchinsky/upload.csv", CaseText("upload.csv"));

        var letter = await LetterAsync(deployment, Committee, "Реестр школ «schools.csv»: повторяющиеся строки — 1");
        var upload = await CompletedAsync(deployment, "upload.csv");

        Assert.Contains("Реестр школ «schools.csv», строка 5, столбец «school_id»: строка повторяет строку 4; школа «kirovsky-003» учтена один раз", letter.Text, StringComparison.Ordinal);
        Assert.Contains("Используется этот файл: учтено строк — 3 из 4.", letter.Text, StringComparison.Ordinal);
        Assert.Contains("отчёт о проверке файла (CSV, открывается в Excel): http", letter.Text, StringComparison.Ordinal);
        Assert.Contains("/reports/registry/schools.csv/", letter.Text, StringComparison.Ordinal);
        Assert.Equal((2, 0), (upload.SchoolCount, upload.SkippedRows));

        await UploadRegistryAsync(deployment, "school_id,school_name,municipality_id,settlement,remote,enrolment\ngatchinsky-001,Ш,gatchinsky,urban,no,1\n");
        var unusable = await LetterAsync(deployment, Committee, "Реестр школ «schools.csv» не может быть использован");
        await deployment.UploadAsync("2023-2024/gatchinsky/upload-2.csv", CaseText("upload.csv").Replace("4;11", "4;12", StringComparison.Ordinal));
        var second = await CompletedAsync(deployment, "upload-2.csv");

        Assert.Contains("нет столбца «level»", unusable.Text, StringComparison.Ordinal);
        Assert.Contains("Этот файл не используется: действует последняя исправная версия «schools.csv»", unusable.Text, StringComparison.Ordinal);
        Assert.Equal(2, second.SchoolCount);
        await AssertNothingPoisonedAsync(deployment);
        Assert.Single(await MailAsync(deployment), l => l.Subject.StartsWith("Реестр школ «schools.csv»: повторяющиеся строки", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SlashIdRegistry_TheCommitteeIsToldTheRowAndColumn_TheUploadsOtherSchoolIsEvaluated()
    {
        await using var deployment = await StartAsync("registry-school-id-slash.csv", "recipients.csv");
        await deployment.UploadAsync("2023-2024/gatchinsky/upload-school-id-slash.csv", CaseText("upload-school-id-slash.csv"));

        var letter = await LetterAsync(deployment, Committee, "Реестр школ «schools.csv»: строк с ошибками — 1, они не учтены");
        var upload = await CompletedAsync(deployment, "upload-school-id-slash.csv");
        var results = await new ResultTable(deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
            .Select(result => result.SchoolId.ToString()).ToListAsync(TestContext.Current.CancellationToken);
        var notice = await LetterAsync(deployment, "gatchinsky@edu.example.ru", "Гатчинский район: зоны риска школ за 2023-2024");

        Assert.Contains("Реестр школ «schools.csv», строка 2, столбец «school_id»: код школы «gatchinsky-001/1» содержит недопустимый знак «/»", letter.Text, StringComparison.Ordinal);
        Assert.Equal((1, 1), (upload.SchoolCount, upload.SkippedRows));
        Assert.Equal(["gatchinsky-002"], results);
        Assert.Contains("школа «gatchinsky-001/1» не принята в реестр школ", notice.Text, StringComparison.Ordinal);
        await AssertNothingPoisonedAsync(deployment);
    }

    [Fact]
    public async Task DisplayNameRecipients_EveryAddressGetsItsLetter_ABadRowIsToldToTheCommittee_AndTheOthersStillGetTheirs()
    {
        await using var deployment = await StartAsync("registry.csv", "recipients-display-name-email.csv");
        await deployment.UploadAsync("2023-2024/gatchinsky/upload.csv", CaseText("upload.csv"));

        await LetterAsync(deployment, "a.petrova@edu.example.ru", "Гатчинский район: зоны риска школ за 2023-2024");
        await LetterAsync(deployment, "gatchinsky@edu.example.ru", "Гатчинский район: зоны риска школ за 2023-2024");
        await LetterAsync(deployment, Committee, "Зона высокого риска: Гатчинский район, 2023-2024");

        var withBadRow = CaseText("recipients-display-name-email.csv") + "gatchinsky,Гатчинский район,Петров Пётр petrov@,,\n";
        using (var content = new MemoryStream(Encoding.UTF8.GetBytes(withBadRow)))
        {
            await new RecipientListBlob(deployment.Storage).UploadAsync(content, TestContext.Current.CancellationToken);
        }

        var told = await LetterAsync(deployment, Committee, "Справочник адресатов «recipients.csv»: строк с ошибками — 1, они не учтены");
        await deployment.UploadAsync("2023-2024/gatchinsky/upload-2.csv", CaseText("upload.csv").Replace("4;11", "4;12", StringComparison.Ordinal));
        await CompletedAsync(deployment, "upload-2.csv");
        await Poll.UntilAsync(
            () => MailAsync(deployment),
            mail => mail.Count(l => l.Subject.StartsWith("Гатчинский район", StringComparison.Ordinal) && l.To.Contains("a.petrova@edu.example.ru")) == 2
                && mail.Count(l => l.Subject.StartsWith("Гатчинский район", StringComparison.Ordinal) && l.To.Contains("gatchinsky@edu.example.ru")) == 2,
            "the second upload's letters to both addresses");

        Assert.Contains(
            "Справочник адресатов «recipients.csv», строка 5, столбец «email»: «Петров Пётр petrov@» не является адресом электронной почты",
            told.Text, StringComparison.Ordinal);
        Assert.Contains("Используется этот файл: учтено строк — 3 из 4; строки с ошибками не учтены, остальные действуют.", told.Text, StringComparison.Ordinal);
        await AssertNothingPoisonedAsync(deployment);
    }

    private static async Task<LocalDeployment> StartAsync(string registry, string recipients)
    {
        var deployment = await TestDeployment.StartAsync(CaseFile(registry));
        await using var content = CaseFile(recipients);
        await new RecipientListBlob(deployment.Storage).UploadAsync(content, TestContext.Current.CancellationToken);
        return deployment;
    }

    private static FileStream CaseFile(string name) => File.OpenRead(Path.Combine(TestDeployment.RepositoryRoot, "tests", "cases", "2026-11-29", name));

    private static string CaseText(string name) => File.ReadAllText(Path.Combine(TestDeployment.RepositoryRoot, "tests", "cases", "2026-11-29", name));

    private static async Task UploadRegistryAsync(LocalDeployment deployment, string csv)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        await new SchoolRegistryBlob(deployment.Storage).UploadAsync(content, TestContext.Current.CancellationToken);
    }

    private static Task<IReadOnlyList<ReceivedMail>> MailAsync(LocalDeployment deployment) => deployment.Mail.ListAsync(TestContext.Current.CancellationToken);

    private static async Task<ReceivedMail> LetterAsync(LocalDeployment deployment, string to, string subject) =>
        (await Poll.UntilAsync(
            async () => (await MailAsync(deployment)).FirstOrDefault(l => l.To.Contains(to) && l.Subject.StartsWith(subject, StringComparison.Ordinal)),
            letter => letter is not null, $"a letter to {to}: «{subject}»"))!;

    private static async Task<UploadRecord> CompletedAsync(LocalDeployment deployment, string file) =>
        (await Poll.UntilAsync(
            async () => (await new UploadStatusTable(deployment.Storage).ListAsync(Period, MunicipalityId.Parse("gatchinsky"), TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken))
                .SingleOrDefault(upload => upload.BlobName.EndsWith("/" + file, StringComparison.Ordinal)),
            upload => upload?.Status is UploadStatus.Completed or UploadStatus.Superseded, $"{file} completed"))!;

    /// <summary>Waits until every queue is drained (a failing message stays counted until it is poisoned), then checks every poison queue is empty.</summary>
    private static async Task AssertNothingPoisonedAsync(LocalDeployment deployment)
    {
        var queues = await deployment.Storage.Queues.GetQueuesAsync(cancellationToken: TestContext.Current.CancellationToken)
            .Select(queue => queue.Name).ToListAsync(TestContext.Current.CancellationToken);
        async Task<Dictionary<string, int>> CountsAsync()
        {
            var counts = new Dictionary<string, int>();
            foreach (var queue in queues)
            {
                counts[queue] = await deployment.Storage.PendingMessagesAsync(queue, TestContext.Current.CancellationToken);
            }

            return counts;
        }

        await Poll.UntilAsync(
            CountsAsync, counts => counts.Where(count => !count.Key.EndsWith("-poison", StringComparison.Ordinal)).All(count => count.Value == 0),
            "every queue drained", TimeSpan.FromSeconds(120));
        var notifications = new NotificationTable(deployment.Storage, TimeProvider.System);
        var notices = await notifications.ListAsync(Period, TestContext.Current.CancellationToken)
            .Concat(notifications.ListAsync(Period.Of(TimeProvider.System.GetUtcNow()), TestContext.Current.CancellationToken)).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Contains("-poison", string.Join(",", queues), StringComparison.Ordinal);
        Assert.All((await CountsAsync()).Where(count => count.Key.EndsWith("-poison", StringComparison.Ordinal)), count => Assert.Equal(0, count.Value));
        Assert.All(notices, notice => Assert.Equal("Delivered", notice.Status));
    }
}
