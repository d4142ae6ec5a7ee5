using Microsoft.Extensions.Logging.Abstractions;
using SchoolRisk.Application.Rules;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Rules;
using SchoolRisk.Testing;

namespace SchoolRisk.Application.Tests.Rules;

/// <summary>
/// The rule set a function worker starts with, against Azurite: the seed's validated rule set is adopted instead of
/// loaded again, and only while it is the version the active pointer names.
/// </summary>
public sealed class RuleSetProviderTests
{
    [Fact]
    public async Task SeedOnAnEmptyStore_GivesTheRuleSetItActivated_WhichTheRefreshKeepsInsteadOfLoadingItAgain()
    {
        var store = await EmptyStoreAsync();
        using var provider = new RuleSetProvider(store, TimeProvider.System, NullLogger<RuleSetProvider>.Instance);

        var seeded = await RuleActivationWorkflow.SeedAsync(store, await DefaultsAsync(), TestContext.Current.CancellationToken);
        provider.Adopt(seeded.Activated!);
        var inUse = await provider.RefreshAsync(TestContext.Current.CancellationToken);
        var again = await RuleActivationWorkflow.SeedAsync(store, await DefaultsAsync(), TestContext.Current.CancellationToken);

        Assert.Equal((RuleActivationOutcome.Activated, seeded.Activated!.Version), (seeded.Activation.Outcome, seeded.Activation.ActiveVersion!.Value));
        Assert.Same(seeded.Activated, inUse);
        Assert.Equal((RuleActivationOutcome.Unchanged, null), (again.Activation.Outcome, again.Activated));
    }

    [Fact]
    public async Task AnAdoptedRuleSetOfAnotherVersion_IsReplacedByTheActiveOne_OnTheRefresh()
    {
        var store = await EmptyStoreAsync();
        using var provider = new RuleSetProvider(store, TimeProvider.System, NullLogger<RuleSetProvider>.Instance);
        var seeded = await RuleActivationWorkflow.SeedAsync(store, await DefaultsAsync(), TestContext.Current.CancellationToken);
        var other = await RuleSet.LoadAsync(await TestRules.EgeHighFromAsync(7.2m), TestContext.Current.CancellationToken);

        provider.Adopt(other);
        var inUse = await provider.RefreshAsync(TestContext.Current.CancellationToken);

        Assert.NotEqual(seeded.Activated!.Version, other.Version);
        Assert.Equal(seeded.Activated.Version, inUse.Version);
    }

    private static async Task<RuleStore> EmptyStoreAsync()
    {
        var storage = new StorageAccount(new StorageOptions { ConnectionString = await SharedAzurite.TakeAccountAsync() });
        await storage.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        return new RuleStore(storage, TimeProvider.System);
    }

    private static Task<IReadOnlyList<RuleFile>> DefaultsAsync() =>
        RuleFiles.ReadDirectoryAsync(TestRules.Folder, TestContext.Current.CancellationToken);
}
