using System.CommandLine;
using SchoolRisk.Storage;

namespace SchoolRisk.Cli;

/// <summary>The <c>--connection-string</c> option of the commands that work on a storage account.</summary>
public static class StorageConnection
{
    /// <summary>A recursive option: default the <c>AzureWebJobsStorage</c> environment variable, else the local emulator.</summary>
    public static Option<string> CreateOption() => new("--connection-string")
    {
        Description = "Storage account connection string. Default: the AzureWebJobsStorage environment variable, else the local emulator.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AzureWebJobsStorage") ?? new StorageOptions().ConnectionString,
        Recursive = true,
    };
}
