using System.Text;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Testing;

namespace SchoolRisk.Storage.Tests.Registry;

/// <summary>The committee's files in the registry container: their valid rows are used, and a file that cannot be used at all leaves the last good version in use.</summary>
public sealed class CommitteeFileTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Header = "school_id,school_name,municipality_id,level,settlement,remote,enrolment\n";

    [Fact]
    public async Task DuplicateRowCase_TheRegistryIsUsed_TheRepeatIsNoted()
    {
        var storage = await StorageAsync("duplicate");
        await UploadCaseAsync(new SchoolRegistryBlob(storage), "registry-duplicate-row.csv");

        var registry = await new SchoolRegistryBlob(storage).LoadAsync(TestContext.Current.CancellationToken);
        var check = await new SchoolRegistryBlob(storage).CheckAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["gatchinsky", "kirovsky"], registry.MunicipalityIds.Select(id => id.ToString()));
        Assert.Same(check.Current, check.InUse);
        Assert.Equal(5, Assert.Single(check.Current!.Content!.Check.Notes).Row);
    }

    [Theory]
    [InlineData("column", "school_id,school_name,municipality_id,settlement,remote,enrolment\ngatchinsky-001,Ш,gatchinsky,urban,no,1\n", "нет столбца «level»")]
    [InlineData("rows", Header + "gatchinsky-001/1,Ш,gatchinsky,secondary,urban,no,1\n", "ни одна из 1 строк не прошла проверку")]
    [InlineData("empty", "", "файл пуст")]
    public async Task AnUnusableEdit_LeavesTheLastGoodRegistryInUse_ForEveryInstanceAndAfterARestart(string name, string broken, string reason)
    {
        var storage = await StorageAsync(name);
        var first = new SchoolRegistryBlob(storage);
        await UploadCaseAsync(first, "registry.csv");
        var good = (await first.CheckAsync(TestContext.Current.CancellationToken)).Current!;
        await Upload(first, broken);

        var restarted = new SchoolRegistryBlob(storage);
        var registry = await restarted.LoadAsync(TestContext.Current.CancellationToken);
        var check = await restarted.CheckAsync(TestContext.Current.CancellationToken);
        var cached = await first.LoadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, registry.Check.ValidRows);
        Assert.Equal(3, cached.Check.ValidRows);
        Assert.Contains(reason, check.Current!.Unusable, StringComparison.Ordinal);
        Assert.True(check.InUse!.IsLastGood);
        Assert.Equal((good.ETag, good.SavedAt, good.Id), (check.InUse.ETag, check.InUse.SavedAt, check.InUse.Id));
    }

    [Fact]
    public async Task ALaterGoodEdit_ReplacesTheCopy_AndTheCopyNamesItsOriginal()
    {
        var storage = await StorageAsync("later");
        var store = new SchoolRegistryBlob(storage);
        await UploadCaseAsync(store, "registry.csv");
        await store.LoadAsync(TestContext.Current.CancellationToken);
        await UploadCaseAsync(store, "registry-school-id-slash.csv");
        var second = (await store.CheckAsync(TestContext.Current.CancellationToken)).Current!;
        await Upload(store, Header);

        var check = await new SchoolRegistryBlob(storage).CheckAsync(TestContext.Current.CancellationToken);

        Assert.Equal(second.ETag, check.InUse!.ETag);
        Assert.Equal(2, check.InUse.Content!.Check.ValidRows);
        Assert.True(await storage.Blobs.GetBlobContainerClient(storage.Options.RegistryContainer).GetBlobClient("last-good/schools.csv")
            .ExistsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task NoUsableRegistryEver_UploadsCannotBeChecked()
    {
        var storage = await StorageAsync("never");
        await Upload(new SchoolRegistryBlob(storage), "school_id\nx\n");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SchoolRegistryBlob(storage).LoadAsync(TestContext.Current.CancellationToken));

        Assert.Contains("no earlier version could be used", error.Message, StringComparison.Ordinal);
        Assert.Null((await new SchoolRegistryBlob(storage).CheckAsync(TestContext.Current.CancellationToken)).InUse);
    }

    [Fact]
    public async Task Recipients_ABadRowLeavesTheOthers_AnUnusableEditLeavesTheLastGoodDirectory_NoDirectoryIsNobody()
    {
        var storage = await StorageAsync("recipients");
        var store = new RecipientListBlob(storage);
        var nobody = await store.LoadAsync(TestContext.Current.CancellationToken);
        await Upload(store, "recipient_id,name,email,webhook_url,webhook_secret\ngatchinsky,Г,bad@,,\ncommittee,К,monitoring@edu.example.ru,,\n");
        var withBadRow = await store.LoadAsync(TestContext.Current.CancellationToken);
        await Upload(store, "recipient_id,name,email\ncommittee,К,other@edu.example.ru\n");

        var afterBrokenEdit = await new RecipientListBlob(storage).LoadAsync(TestContext.Current.CancellationToken);

        Assert.Empty(nobody.For("committee"));
        Assert.Equal(1, withBadRow.Check.ProblemCount);
        Assert.Equal("monitoring@edu.example.ru", Assert.Single(afterBrokenEdit.For("committee")).Email);
    }

    [Fact]
    public async Task Recipients_UnusableWithNoEarlierVersion_NoticesWaitWithTheReason()
    {
        var storage = await StorageAsync("recipientsnever");
        await Upload(new RecipientListBlob(storage), "recipient_id,name\ncommittee,К\n");

        var error = await Assert.ThrowsAsync<RecipientsUnusableException>(() => new RecipientListBlob(storage).LoadAsync(TestContext.Current.CancellationToken));

        Assert.StartsWith("Справочник адресатов «recipients.csv», строка 1: нет столбцов «email», «webhook_url», «webhook_secret»", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A storage account whose registry container is this test's own.</summary>
    private async Task<StorageAccount> StorageAsync(string name)
    {
        var storage = new StorageAccount(new StorageOptions { ConnectionString = azurite.ConnectionString, RegistryContainer = $"registry-{name}" });
        await storage.Blobs.GetBlobContainerClient(storage.Options.RegistryContainer).CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        return storage;
    }

    private static async Task UploadCaseAsync(SchoolRegistryBlob store, string name)
    {
        await using var content = File.OpenRead(Path.Combine(TestDeployment.RepositoryRoot, "tests", "cases", "2026-11-29", name));
        await store.UploadAsync(content, TestContext.Current.CancellationToken);
    }

    private static async Task Upload(SchoolRegistryBlob store, string csv)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        await store.UploadAsync(content, TestContext.Current.CancellationToken);
    }

    private static async Task Upload(RecipientListBlob store, string csv)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        await store.UploadAsync(content, TestContext.Current.CancellationToken);
    }
}
