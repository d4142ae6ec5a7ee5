using Microsoft.Extensions.Logging.Abstractions;
using SchoolRisk.Application.Rules;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Evaluation.Editing;
using SchoolRisk.Storage.Rules;
using SchoolRisk.Testing;

namespace SchoolRisk.Application.Tests.Rules;

/// <summary>The numbers of archived rule set versions as the school views show them beside a result, against Azurite.</summary>
public sealed class RuleVersionTablesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task GetAll_GivesEachArchivedVersionItsOwnThresholds_TheOneInUseAmongThem_AndNothingForAVersionNotInTheArchive()
    {
        await azurite.Storage.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        var store = new RuleStore(azurite.Storage, TimeProvider.System);
        var defaults = await ArchiveAsync(store, await RuleFiles.ReadDirectoryAsync(TestRules.Folder, TestContext.Current.CancellationToken));
        var edited = await ArchiveAsync(store, await TestRules.EgeHighFromAsync(8));
        var missing = RuleSetVersion.Parse("000000000000");
        using var rules = new RuleSetProvider(store, TimeProvider.System, NullLogger<RuleSetProvider>.Instance);
        Assert.Equal(edited, (await rules.GetAsync(TestContext.Current.CancellationToken)).Version);
        Assert.Null(rules.InUse(defaults));
        var tables = new RuleVersionTables(store, rules, NullLogger<RuleVersionTables>.Instance);

        var found = await tables.GetAllAsync([defaults, edited, defaults, missing], TestContext.Current.CancellationToken);
        var none = await tables.GetAsync(default, TestContext.Current.CancellationToken);

        Assert.Equal(2, found.Count);
        Assert.False(found.ContainsKey(missing));
        Assert.Equal((5m, 10m), Ege(found[defaults]));
        Assert.Equal((5m, 8m), Ege(found[edited]));
        Assert.Null(none);
    }

    private static (decimal? Medium, decimal? High) Ege(RuleTable table) =>
        table.Indicators.Single(indicator => indicator.Id == "ege_below_min_share") is var ege ? (ege.Medium?.Threshold, ege.High?.Threshold) : default;

    private static async Task<RuleSetVersion> ArchiveAsync(RuleStore store, IReadOnlyList<RuleFile> files)
    {
        var ruleSet = await RuleSet.LoadAsync(files, TestContext.Current.CancellationToken);
        await store.ActivateAsync(files, ruleSet, new RuleChange("test", "a version to read back", "cli"), TestContext.Current.CancellationToken);
        return ruleSet.Version;
    }
}
