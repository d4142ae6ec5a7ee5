using Azure;
using Azure.Storage.Blobs;
using SchoolRisk.LocalHost.Azurite;

namespace SchoolRisk.LocalHost.Tests.Azurite;

public sealed class AzuriteServerTests
{
    [Fact]
    public async Task SeveralAccounts_EachSeesOnlyItsOwnData_AndEachKeyOpensOnlyItsOwnAccount()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var azurite = await AzuriteServer.StartAsync(new AzuriteOptions { RepositoryRoot = RepositoryLayout.FindRoot(), Accounts = 3 }, cancellationToken);
        var accounts = Enumerable.Range(0, azurite.Accounts).Select(azurite.ConnectionStringOf).ToList();

        await new BlobContainerClient(accounts[1], "uploads").CreateAsync(cancellationToken: cancellationToken);
        async Task<List<string>> ContainersAsync(string connectionString) =>
            await new BlobServiceClient(connectionString).GetBlobContainersAsync(cancellationToken: cancellationToken).Select(container => container.Name).ToListAsync(cancellationToken);

        Assert.Equal(3, accounts.Distinct().Count());
        Assert.Equal(azurite.ConnectionString, accounts[0]);
        Assert.Contains($"AccountName={AzuriteServer.AccountName};", accounts[0], StringComparison.Ordinal);
        Assert.Empty(await ContainersAsync(accounts[0]));
        Assert.Equal(["uploads"], await ContainersAsync(accounts[1]));
        Assert.Empty(await ContainersAsync(accounts[2]));
        var borrowedKey = accounts[2].Replace(Key(accounts[2]), Key(accounts[1]), StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => ContainersAsync(borrowedKey));
        Assert.Equal(403, refused.Status);
        Assert.Throws<ArgumentOutOfRangeException>(() => azurite.ConnectionStringOf(3));
    }

    private static string Key(string connectionString) =>
        connectionString.Split(';').Single(part => part.StartsWith("AccountKey=", StringComparison.Ordinal))["AccountKey=".Length..];
}
