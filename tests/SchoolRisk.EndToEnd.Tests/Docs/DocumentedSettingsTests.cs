using System.Reflection;
using System.Text.RegularExpressions;
using SchoolRisk.Application.Notices;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Functions.Hosting;
using SchoolRisk.Storage.ServiceBus;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Docs;

/// <summary>
/// The settings table of <c>docs/configuration.md</c> cannot drift from the code: every <c>Section:Name</c> it names is
/// a settable property of the options class the function app binds that section to (<see cref="AppOptionsRegistration"/>),
/// and every other setting it names is read somewhere under <c>src/</c>.
/// </summary>
public sealed partial class DocumentedSettingsTests
{
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.Ordinal)
    {
        ["Notifications"] = typeof(DeliveryOptions),
        ["Uploads"] = typeof(UploadLimits),
        ["Rules"] = typeof(RuleOptions),
        ["NoticeTopic"] = typeof(NoticeTopicOptions),
    };

    [Fact]
    public void EverySettingInTheTable_IsAnOptionOrIsReadByTheCode()
    {
        var named = Settings().ToList();
        var source = string.Join('\n', Directory.EnumerateFiles(Path.Combine(TestDeployment.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

        var unknown = named.Where(setting => setting.Split(':') switch
        {
            [var section, var name] when Sections.TryGetValue(section, out var type) =>
                type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.SetMethod?.IsPublic != true,
            ["Values", _] => !source.Contains("\"Values\"", StringComparison.Ordinal),
            [var name] => !source.Contains($"\"{name}\"", StringComparison.Ordinal) && !source.Contains($"\"{name}__", StringComparison.Ordinal),
            _ => true,
        }).ToList();

        Assert.True(named.Count >= 20, $"only {named.Count} settings found in docs/configuration.md");
        Assert.True(unknown.Count == 0, string.Join(Environment.NewLine, unknown));
    }

    [Fact]
    public void EverySectionTheAppBinds_IsKnownToThisTest()
    {
        var registration = File.ReadAllText(Path.Combine(TestDeployment.RepositoryRoot, "src", "SchoolRisk.Functions", "Hosting", "AppOptionsRegistration.cs"));

        Assert.Equal(Sections.Keys.Order(StringComparer.Ordinal), BoundSection().Matches(registration).Select(match => match.Groups[1].Value).Order(StringComparer.Ordinal));
    }

    /// <summary>The settings in the first column of the table under «## Settings»: each backticked name, <c>{Name}</c> placeholders kept.</summary>
    private static IEnumerable<string> Settings()
    {
        var lines = File.ReadAllLines(Path.Combine(TestDeployment.RepositoryRoot, "docs", "configuration.md"));
        var table = lines.SkipWhile(line => line != "## Settings").Skip(1).SkipWhile(line => !line.StartsWith('|')).TakeWhile(line => line.StartsWith('|')).Skip(2);
        return table.SelectMany(row => Backticked().Matches(row.Split('|')[1]).Select(match => match.Groups[1].Value));
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex("GetSection\\(\"([A-Za-z]+)\"\\)")]
    private static partial Regex BoundSection();
}
