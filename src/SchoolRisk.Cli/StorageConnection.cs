using System.CommandLine;
using Azure.Identity;
using SchoolRisk.Storage;

namespace SchoolRisk.Cli;

/// <summary>
/// How the commands that work on a storage account reach it: <c>--account-name</c> with the caller's Microsoft Entra
/// identity (Azure, where the account refuses keys), else <c>--connection-string</c> (the local emulator).
/// </summary>
public sealed class StorageConnection
{
    private DefaultAzureCredential? _credential;

    /// <summary>
    /// <c>--connection-string</c>; without it, <see cref="ConnectionStringOf"/> takes the <c>AzureWebJobsStorage</c>
    /// environment variable, else the local emulator. Not a default value of the option: help prints those, and this one
    /// holds an account key.
    /// </summary>
    public Option<string?> ConnectionString { get; } = new("--connection-string")
    {
        Description = "Storage account connection string. Default: the AzureWebJobsStorage environment variable, else the local emulator.",
        Recursive = true,
    };

    public Option<string?> AccountName { get; } = new("--account-name")
    {
        Description = "A storage account in Azure, reached with your Microsoft Entra identity (az login, environment or managed identity); overrides --connection-string.",
        Recursive = true,
    };

    /// <summary>Adds both options to <paramref name="command"/> (and, being recursive, to its subcommands); a command may take them more than once, each a command that uses storage.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(ConnectionString);
        command.Options.Add(AccountName);
    }

    public StorageAccount Open(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(AccountName) is { Length: > 0 } name
            ? new StorageAccount(new StorageOptions { AccountName = name, Credential = Credential })
            : new StorageAccount(new StorageOptions { ConnectionString = ConnectionStringOf(parse) });
    }

    /// <summary>The connection string the command uses: <c>--connection-string</c>, else <c>AzureWebJobsStorage</c>, else the local emulator's.</summary>
    public string ConnectionStringOf(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(ConnectionString) ?? Environment.GetEnvironmentVariable("AzureWebJobsStorage") ?? new StorageOptions().ConnectionString;
    }

    /// <summary>
    /// Who the command acts as: with <c>--account-name</c>, the identity signed in to Microsoft Entra that reaches the
    /// account (<see cref="SignedInIdentity"/>; verified by Azure, so a declared <paramref name="declared"/> is not used);
    /// otherwise, against a connection string (the local emulator), <paramref name="declared"/>: <c>--by</c> or the
    /// operating system's user, not verified.
    /// </summary>
    public async Task<(string By, bool SignedIn)> CallerAsync(ParseResult parse, string declared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(AccountName) is { Length: > 0 }
            ? (await SignedInIdentity.OfAsync(Credential, cancellationToken), true)
            : (declared, false);
    }

    /// <summary>The caller's Microsoft Entra credential (az login, environment, managed identity), one per command so its token is reused.</summary>
    private DefaultAzureCredential Credential => _credential ??= new DefaultAzureCredential();
}
