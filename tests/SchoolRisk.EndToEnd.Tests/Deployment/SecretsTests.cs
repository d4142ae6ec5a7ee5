using System.Diagnostics;
using System.Text.RegularExpressions;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Deployment;

/// <summary>
/// No key, signature, password or connection string with a credential is committed: storage is reached by managed
/// identity in Azure and by a random per-run key locally (<c>AzuriteServer</c>), the SMTP password is a Key Vault reference.
/// </summary>
public sealed partial class SecretsTests
{
    /// <summary>What a credential in a committed file looks like.</summary>
    private static readonly (string Kind, Regex Pattern)[] Credentials =
    [
        ("storage account key", AccountKey()),
        ("SAS signature", Signature()),
        ("private key", PrivateKey()),
        ("Application Insights key", InstrumentationKey()),
        ("password or secret in settings", SettingSecret()),
        ("webhook secret in a recipients file", WebhookSecret()),
    ];

    [Fact]
    public async Task CommittedFiles_HoldNoCredential()
    {
        var found = new List<string>();
        foreach (var file in await TrackedFilesAsync())
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(TestDeployment.RepositoryRoot, file), TestContext.Current.CancellationToken);
            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                continue;
            }

            var text = System.Text.Encoding.UTF8.GetString(bytes);
            found.AddRange(Find(text).Select(kind => $"{file}: {kind}"));
        }

        Assert.Empty(found);
    }

    /// <remarks>Each sample is split in two so that this file does not hold what it looks for.</remarks>
    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=x;Account" + "Key=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==")]
    [InlineData("https://x.blob.core.windows.net/uploads?sv=2024-05-04&sr=d&sp=cw&s" + "ig=Q2xhdWRlIHdhcyBoZXJlIGFuZCBzaWduZWQgaXQ%3D")]
    [InlineData("-----BEGIN RSA PRIVATE" + " KEY-----")]
    [InlineData("Instrumentation" + "Key=0f4c6a1e-5c2b-4b8e-9d3a-2f1e6b7c8d9e;IngestionEndpoint=https://x")]
    [InlineData("\"Notifications__SmtpPass" + "word\": \"hunter22\"")]
    [InlineData("luzhsky,Лужский район,luzhsky@edu.example.ru," + "https://hooks.example.ru/x,s3cr3t-value")]
    public void TheScan_FindsEachKindOfCredential(string text) => Assert.NotEmpty(Find(text));

    private static IEnumerable<string> Find(string text) => Credentials.Where(credential => credential.Pattern.IsMatch(text)).Select(credential => credential.Kind);

    private static async Task<IReadOnlyList<string>> TrackedFilesAsync()
    {
        var git = Process.Start(new ProcessStartInfo("git", "ls-files -z")
        {
            WorkingDirectory = TestDeployment.RepositoryRoot,
            RedirectStandardOutput = true,
        })!;
        var output = await git.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await git.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, git.ExitCode);
        return [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries)];
    }

    [GeneratedRegex(@"AccountKey=[A-Za-z0-9+/]{20,}")]
    private static partial Regex AccountKey();

    [GeneratedRegex(@"[?&;]sig=[A-Za-z0-9%+/]{20,}")]
    private static partial Regex Signature();

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"InstrumentationKey=[0-9a-fA-F-]{36}")]
    private static partial Regex InstrumentationKey();

    [GeneratedRegex(@"""[A-Za-z_]*(Password|Secret|ApiKey)""\s*:\s*""[^""@{]+""", RegexOptions.IgnoreCase)]
    private static partial Regex SettingSecret();

    [GeneratedRegex(@"@[^,\n]+,https?://[^,\n]+,[^,\s]+")]
    private static partial Regex WebhookSecret();
}
