using System.Data.Common;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Storage.Uploads;

/// <summary>
/// Issues a municipality's upload access: a directory SAS on <c>uploads/{period}/{municipality}/</c> (subfolders such as
/// <c>rubrics/</c> included) and nothing else. With an identity-based connection (Azure, where the account refuses
/// shared keys) it is a user delegation SAS, signed with a key the caller's Microsoft Entra identity obtains; with a
/// connection string it is signed with the account key.
/// </summary>
public sealed class UploadAccess(StorageAccount account, TimeProvider time)
{
    /// <summary>Read and create: a municipality can add files and read its own back, but neither overwrite nor delete an original.</summary>
    public const string DefaultPermissions = "rc";

    /// <summary>The longest a user delegation key, and so a user delegation SAS, can live.</summary>
    public static readonly TimeSpan MaxDelegatedLifetime = TimeSpan.FromDays(7);

    /// <summary>Clocks differ: the SAS is valid from a few minutes before it is issued.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public async Task<UploadGrant> GrantAsync(Period period, MunicipalityId municipality, TimeSpan lifetime, string permissions = DefaultPermissions, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        if (municipality == default)
        {
            throw new ArgumentException("No municipality: the grant would cover the whole period.", nameof(municipality));
        }

        var now = time.GetUtcNow();
        var scope = new DirectoryScope(account.Blobs.AccountName, account.Options.UploadsContainer, $"{period}/{municipality}", permissions, now + lifetime, now - ClockSkew);
        string sas;
        if (account.Options.AccountName is null)
        {
            sas = DirectorySas.SignWithAccountKey(scope, AccountKeyOf(account.Options.ConnectionString));
        }
        else
        {
            if (lifetime > MaxDelegatedLifetime)
            {
                throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, $"A user delegation SAS lives at most {MaxDelegatedLifetime.TotalDays} days; issue a new one when it ends.");
            }

            var key = await account.Blobs.GetUserDelegationKeyAsync(scope.StartsOn, scope.ExpiresOn, cancellationToken);
            sas = DirectorySas.SignWithDelegationKey(scope, key.Value);
        }

        var folder = account.Blobs.GetBlobContainerClient(scope.Container).Uri;
        return new UploadGrant(new Uri($"{folder}/{scope.Directory}?{sas}"), scope.ExpiresOn, permissions);
    }

    /// <summary>
    /// The key of the emulator's default account <c>devstoreaccount1</c>, which <c>UseDevelopmentStorage=true</c> means;
    /// published by Microsoft ("Use the Azurite emulator for local Azure Storage development", "HTTP connection strings").
    /// </summary>
    private const string DevelopmentStorageKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static string AccountKeyOf(string connectionString)
    {
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (parts.TryGetValue("UseDevelopmentStorage", out var development) && string.Equals(development as string, "true", StringComparison.OrdinalIgnoreCase))
        {
            return DevelopmentStorageKey;
        }

        return parts.TryGetValue("AccountKey", out var key) && key is string { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("The storage connection string has no AccountKey to sign an upload SAS with; connect with --account-name and a Microsoft Entra identity instead.");
    }
}
