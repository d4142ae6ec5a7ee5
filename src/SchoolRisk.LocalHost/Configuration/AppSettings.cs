using System.Text.RegularExpressions;

namespace SchoolRisk.LocalHost.Configuration;

/// <summary>
/// The app settings the host and its worker see: <see cref="LocalHostOptions.AppSettings"/>, then the host's own
/// environment (the worker inherits it). A name may be written <c>Section:Key</c> or <c>Section__Key</c>. Resolves
/// <c>%Name%</c> in binding properties and binding connections, as the Functions host's name resolver does.
/// </summary>
public sealed partial class AppSettings(IReadOnlyDictionary<string, string> settings)
{
    /// <summary>The connection a binding uses when it names none.</summary>
    public const string DefaultConnection = "AzureWebJobsStorage";

    /// <summary>The value of a setting, or <c>null</c>.</summary>
    public string? Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var candidate in new[] { name, name.Replace(":", "__", StringComparison.Ordinal) })
        {
            if (settings.TryGetValue(candidate, out var value) || (value = Environment.GetEnvironmentVariable(candidate)) is not null)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Replaces each <c>%Name%</c> with the setting's value.</summary>
    /// <exception cref="InvalidOperationException">A named setting does not exist.</exception>
    public string Resolve(string text) =>
        SettingReference().Replace(text, match => Get(match.Groups[1].Value)
            ?? throw new InvalidOperationException($"'{text}' names the app setting '{match.Groups[1].Value}', which does not exist."));

    /// <summary>
    /// A storage connection string by a binding's connection name, looked up as the WebJobs SDK does:
    /// <c>AzureWebJobs{name}</c>, then <c>{name}</c>, then <c>ConnectionStrings:{name}</c>; an empty name is
    /// <see cref="DefaultConnection"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No setting holds that connection.</exception>
    public string ConnectionString(string? connection)
    {
        var name = string.IsNullOrEmpty(connection) ? DefaultConnection : Resolve(connection);
        return Get($"AzureWebJobs{name}") ?? Get(name) ?? Get($"ConnectionStrings:{name}")
            ?? throw new InvalidOperationException($"No app setting holds the storage connection '{name}' (AzureWebJobs{name}, {name} or ConnectionStrings:{name}).");
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();
}
