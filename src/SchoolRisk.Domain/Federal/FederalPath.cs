using System.Diagnostics.CodeAnalysis;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Domain.Federal;

/// <summary>
/// Where the committee puts its federal file in the registry container: <c>federal/{period}/{file}</c>, for example
/// <c>federal/2024-2025/perechen.xlsx</c>. The newest file of a period's folder is the period's federal list.
/// </summary>
public static class FederalPath
{
    /// <summary>The folder of the federal files in the registry container.</summary>
    public const string Folder = "federal";

    /// <summary>The folder of a period's files, with the trailing slash: <c>federal/2024-2025/</c>.</summary>
    public static string FolderOf(Period period) => $"{Folder}/{period}/";

    /// <summary>
    /// The period and file name of <paramref name="blobName"/> when it is <c>federal/{period}/{file}</c> with a school year
    /// and a file name (no deeper folder); otherwise <c>false</c>.
    /// </summary>
    public static bool TryParse(string? blobName, out Period period, [NotNullWhen(true)] out string? fileName)
    {
        (period, fileName) = (default, null);
        var parts = (blobName ?? string.Empty).Split('/');
        if (parts is not [Folder, var year, var name] || name.Length == 0 || !Period.TryParse(year, out period))
        {
            return false;
        }

        fileName = name;
        return true;
    }
}
