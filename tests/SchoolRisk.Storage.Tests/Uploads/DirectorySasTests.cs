using System.Diagnostics;
using System.Text.Json;
using System.Web;
using Azure.Storage.Blobs.Models;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.Storage.Tests.Uploads;

/// <summary>
/// The directory SAS is signed by hand (no .NET Data Lake SDK here), so every signature is compared with the one the
/// Azure SDK for JavaScript's Data Lake package (pinned in <c>package.json</c>) makes for the same inputs.
/// </summary>
public sealed class DirectorySasTests
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly DirectoryScope Scope = new(
        "schoolriskprod", "uploads", "2023-2024/gatchinsky", "rc", new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AccountKeySas_EqualsTheAzureSdks()
    {
        var ours = DirectorySas.SignWithAccountKey(Scope, AccountKey);

        var reference = await ReferenceAsync(new { key = AccountKey });

        AssertSameParameters(reference, ours);
        Assert.Equal("2", HttpUtility.ParseQueryString(ours)["sdd"]);
        Assert.Equal("d", HttpUtility.ParseQueryString(ours)["sr"]);
    }

    [Fact]
    public async Task UserDelegationSas_EqualsTheAzureSdks()
    {
        var key = BlobsModelFactory.UserDelegationKey(
            "6f1b2d3c-0000-4000-8000-00000000000a", "72f988bf-86f1-41af-91ab-2d7cd011db47",
            new DateTimeOffset(2026, 11, 23, 7, 55, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 7, 55, 0, TimeSpan.Zero),
            "b", "2024-11-04", Convert.ToBase64String("a user delegation key of 32 bytes"u8));
        var ours = DirectorySas.SignWithDelegationKey(Scope, key);

        var reference = await ReferenceAsync(new
        {
            delegation = new
            {
                signedObjectId = key.SignedObjectId,
                signedTenantId = key.SignedTenantId,
                signedStartsOn = key.SignedStartsOn,
                signedExpiresOn = key.SignedExpiresOn,
                signedService = key.SignedService,
                signedVersion = key.SignedVersion,
                value = key.Value,
            },
        });

        AssertSameParameters(reference, ours);
        Assert.Equal(key.SignedObjectId, HttpUtility.ParseQueryString(ours)["skoid"]);
    }

    [Fact]
    public void Depth_CountsTheFoldersOfThePath()
    {
        Assert.Equal(2, Scope.Depth);
        Assert.Equal(3, (Scope with { Directory = "2023-2024/gatchinsky/rubrics" }).Depth);
        Assert.Equal("/blob/schoolriskprod/uploads/2023-2024/gatchinsky", Scope.CanonicalName);
    }

    private static void AssertSameParameters(string expected, string actual)
    {
        var want = HttpUtility.ParseQueryString(expected);
        var got = HttpUtility.ParseQueryString(actual);
        Assert.Equal(want.AllKeys.Order(), got.AllKeys.Order());
        Assert.All(want.AllKeys, name => Assert.Equal(want[name], got[name]));
    }

    /// <summary>The JavaScript SDK's <c>generateDataLakeSASQueryParameters</c> for <see cref="Scope"/>, signed with <paramref name="credential"/>.</summary>
    private static async Task<string> ReferenceAsync(object credential)
    {
        const string Script = """
            const { generateDataLakeSASQueryParameters, StorageSharedKeyCredential } = require("@azure/storage-file-datalake");
            const input = JSON.parse(process.argv[1]);
            const values = {
              fileSystemName: input.container, pathName: input.directory, isDirectory: true, permissions: input.permissions,
              startsOn: new Date(input.startsOn), expiresOn: new Date(input.expiresOn), version: input.version,
            };
            const credential = JSON.parse(process.argv[2]);
            const d = credential.delegation;
            const sas = d
              ? generateDataLakeSASQueryParameters(values, { ...d, signedStartsOn: new Date(d.signedStartsOn), signedExpiresOn: new Date(d.signedExpiresOn) }, input.account)
              : generateDataLakeSASQueryParameters(values, new StorageSharedKeyCredential(input.account, credential.key));
            process.stdout.write(sas.toString());
            """;
        var input = JsonSerializer.Serialize(new
        {
            account = Scope.Account,
            container = Scope.Container,
            directory = Scope.Directory,
            permissions = Scope.Permissions,
            startsOn = Scope.StartsOn,
            expiresOn = Scope.ExpiresOn,
            version = DirectorySas.Version,
        });
        var start = new ProcessStartInfo("node") { WorkingDirectory = TestDeployment.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(input);
        start.ArgumentList.Add(JsonSerializer.Serialize(credential));
        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await node.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(node.ExitCode == 0, $"node failed: {error}");
        return output;
    }
}
