using System.Text;
using Azure.Storage.Blobs.Models;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Evaluation.Shape;
using SchoolRisk.Storage.Rules;
using SchoolRisk.Testing;

namespace SchoolRisk.Storage.Tests.Rules;

/// <summary>The rule store against Azurite: rejections recorded whatever their problems hold, the container's metadata read as declared.</summary>
public sealed class RuleStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Reject_ThousandsOfProblemsAndA100KbExpressionQuotedBack_IsRecorded_CutInTheTable_WholeInTheArchive()
    {
        var store = await StoreAsync();
        var expression = string.Concat(Enumerable.Repeat("input1.EgeBelowMinShare >= threshold && ", 2_500)) + "true";
        Assert.True(expression.Length > 100_000);
        List<string> problems =
        [
            $"exams.json, правило «ege_below_min_share.high»: выражение «{expression}» слишком длинное.",
            .. Enumerable.Range(1, 5_000).Select(n => $"exams.json, правило «r{n}»: проверочный пример {n} не выполнен: ожидалось «высокий риск», получено «вне зоны риска»."),
            "staff.json, правило «x»: строка с\nпереносом, NUL \0, половинкой пары \ud800 и 汉字😀 целиком.",
            new string('汉', 40_000),
        ];
        var change = new RuleChange(new string('Я', 50_000), "причина\nс переносом", "container") { ByOrigin = AuthorOrigin.Declared };
        var files = new List<RuleFile> { new("exams.json", "{ \"WorkflowName\": \"exams\" }") };

        var rejection = await store.RejectAsync(files, change, problems, TestContext.Current.CancellationToken);
        var listed = await store.ListRejectionsAsync(TestContext.Current.CancellationToken).FirstAsync(TestContext.Current.CancellationToken);
        var text = await store.ReadRejectionTextAsync(listed, TestContext.Current.CancellationToken);

        Assert.Equal(RuleActivationOutcome.Rejected, rejection.Outcome);
        Assert.Equal(problems.Count, listed.ProblemCount);
        Assert.Equal(rejection.ProblemsBlob, listed.ProblemsBlob);
        Assert.Matches("^rules-archive/rejections/[0-9]{19}_[0-9a-f]{8}\\.txt$", listed.ProblemsBlob);
        Assert.EndsWith("…", listed.Problems[^1], StringComparison.Ordinal);
        Assert.True(listed.Problems.Sum(problem => problem.Length + 1) - 1 <= TableText.MaxChars);
        Assert.Equal(TableText.MaxChars, listed.By.Length);
        Assert.Equal(AuthorOrigin.Declared, listed.ByOrigin);
        Assert.Equal(RuleSet.VersionOf(files), listed.CandidateVersion);
        Assert.NotNull(text);
        Assert.Contains($"Отклонённые файлы: версия {RuleSet.VersionOf(files)}", text, StringComparison.Ordinal);
        Assert.Contains(expression, text, StringComparison.Ordinal);
        Assert.Contains("5001. exams.json, правило «r5000»: проверочный пример 5000 не выполнен", text, StringComparison.Ordinal);
        Assert.Contains("половинкой пары \ufffd и 汉字😀 целиком", text, StringComparison.Ordinal);
        Assert.Contains(new string('汉', 40_000), text, StringComparison.Ordinal);
        Assert.StartsWith("Правка правил отклонена ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_ATableCutOfThreeByteCharacters_IsStillWritten()
    {
        var store = await StoreAsync();

        var rejection = await store.RejectAsync([], new RuleChange("test", "汉字", "cli"), [new string('汉', 40_000)], TestContext.Current.CancellationToken);

        Assert.Equal(RuleActivationOutcome.Rejected, rejection.Outcome);
    }

    [Fact]
    public async Task ChangeOf_ReadsTheDeclaredAuthorReasonAndLeaveToRemove_FromAChangedFilesMetadataOnly_AndTakesMetadataItCannotDecodeAsWritten()
    {
        var store = await StoreAsync();
        var storage = azurite.Storage;
        var container = storage.Blobs.GetBlobContainerClient(storage.Options.RulesContainer);
        var active = new List<RuleFile> { new("a.json", "{}"), new("b.json", "{}") };
        await Upload(container, "a.json", "{}", new Dictionary<string, string> { ["changedby"] = "old", ["allowremoval"] = "true" });
        await Upload(container, "b.json", "{\"changed\": 1}", new Dictionary<string, string> { ["changedby"] = "b64:%%not base64", ["reason"] = "b64:" + Convert.ToBase64String(Encoding.UTF8.GetBytes("ЕГЭ: порог 8")) });
        var unchangedAllows = store.ChangeOf(await store.ReadEditableAsync(TestContext.Current.CancellationToken), active, "b.json");
        await Upload(container, "b.json", "{\"changed\": 2}", new Dictionary<string, string> { ["changedby"] = "someone", ["AllowRemoval"] = "TRUE" });
        var changedAllows = store.ChangeOf(await store.ReadEditableAsync(TestContext.Current.CancellationToken), active, "b.json");

        Assert.Equal(("b64:%%not base64", "ЕГЭ: порог 8", AuthorOrigin.Declared, false), (unchangedAllows.By, unchangedAllows.Reason, unchangedAllows.ByOrigin, unchangedAllows.AllowRemoval));
        Assert.Equal(("someone", "изменён файл b.json в контейнере rules", true), (changedAllows.By, changedAllows.Reason, changedAllows.AllowRemoval));
        await container.DeleteBlobAsync("a.json", cancellationToken: TestContext.Current.CancellationToken);
        await container.DeleteBlobAsync("b.json", cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// The author and reason of an activation once came from a second listing of the container, after the files had been
    /// read: an edit landing between the two lent its author to the previous edit's content.
    /// </summary>
    [Fact]
    public async Task ChangeOf_AnEditAfterTheRead_DoesNotLendItsAuthorToTheContentRead()
    {
        var store = await StoreAsync();
        var container = azurite.Storage.Blobs.GetBlobContainerClient(azurite.Storage.Options.RulesContainer);
        var active = new List<RuleFile> { new("b.json", "{}") };
        try
        {
            await Upload(container, "b.json", "{\"edit\": 1}", new Dictionary<string, string> { ["changedby"] = "first", ["reason"] = "first edit" });
            var read = await store.ReadEditableAsync(TestContext.Current.CancellationToken);
            await Upload(container, "b.json", "{\"edit\": 2}", new Dictionary<string, string> { ["changedby"] = "second", ["reason"] = "second edit", ["allowremoval"] = "true" });

            var change = store.ChangeOf(read, active, "b.json");

            Assert.Equal("{\"edit\": 1}", Assert.Single(read.Files).Json);
            Assert.Equal(("first", "first edit", false), (change.By, change.Reason, change.AllowRemoval));
        }
        finally
        {
            await container.DeleteBlobIfExistsAsync("b.json", cancellationToken: TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// Storage keeps a blob's last modification to the second. The container door test's last two edits, exams.json
    /// made not JSON by one and a file too large to read uploaded by the next within the same second, were both «last»:
    /// the first by name won, so the second edit's event was recorded as the first edit again and its own rejection
    /// never came. Within a second, the file whose event it is tells whose change it is.
    /// </summary>
    [Fact]
    public async Task ChangeOf_TwoEditsWithinOneSecond_IsTheChangeOfTheFileWhoseEventItIs()
    {
        var store = await StoreAsync();
        var container = azurite.Storage.Blobs.GetBlobContainerClient(azurite.Storage.Options.RulesContainer);
        var active = new List<RuleFile> { new("exams.json", "{}") };
        try
        {
            var sameSecond = false;
            for (var attempt = 0; attempt < 10 && !sameSecond; attempt++)
            {
                var notJson = await Upload(container, "exams.json", "{ not json", new Dictionary<string, string> { ["changedby"] = "test", ["reason"] = "not json" });
                var tooLarge = await Upload(
                    container, "huge.json", "[" + new string(' ', (int)RuleSetLimits.MaxFileBytes) + "]", new Dictionary<string, string> { ["changedby"] = "b64:%%%", ["reason"] = "b64:%%%reason" });
                sameSecond = notJson.LastModified == tooLarge.LastModified;
            }

            var candidate = await store.ReadEditableAsync(TestContext.Current.CancellationToken);
            var ofTheLargeFile = store.ChangeOf(candidate, active, "huge.json");
            var ofExams = store.ChangeOf(candidate, active, "exams.json");

            Assert.True(sameSecond, "the two uploads never fell within one second");
            Assert.Equal(("b64:%%%", "b64:%%%reason"), (ofTheLargeFile.By, ofTheLargeFile.Reason));
            Assert.Equal(("test", "not json"), (ofExams.By, ofExams.Reason));
        }
        finally
        {
            await container.DeleteBlobIfExistsAsync("exams.json", cancellationToken: TestContext.Current.CancellationToken);
            await container.DeleteBlobIfExistsAsync("huge.json", cancellationToken: TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task ReadEditable_AFileLargerThanARuleFileCanBe_IsAProblem_NotDownloaded()
    {
        var store = await StoreAsync();
        var storage = azurite.Storage;
        var container = storage.Blobs.GetBlobContainerClient(storage.Options.RulesContainer);
        await Upload(container, "huge.json", new string(' ', (int)RuleSetLimits.MaxFileBytes + 1), new Dictionary<string, string>());

        var editable = await store.ReadEditableAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain(editable.Files, file => file.Name == "huge.json");
        Assert.StartsWith("huge.json: файл занимает 256 КБ, допустимо не больше 256 КБ", Assert.Single(editable.Problems), StringComparison.Ordinal);
        await container.DeleteBlobAsync("huge.json", cancellationToken: TestContext.Current.CancellationToken);
    }

    private async Task<RuleStore> StoreAsync()
    {
        await azurite.Storage.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        return new RuleStore(azurite.Storage, TimeProvider.System);
    }

    private static async Task<BlobContentInfo> Upload(Azure.Storage.Blobs.BlobContainerClient container, string name, string json, Dictionary<string, string> metadata) =>
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(json), new BlobUploadOptions { Metadata = metadata }, TestContext.Current.CancellationToken);
}
