using SchoolRisk.Storage.Rules;

namespace SchoolRisk.Application.Views;

/// <summary>The rule set in force and every activation, newest first (<c>RuleVersions</c>); any key that sees data may read it.</summary>
public sealed class RuleVersionsQuery(RuleStore store)
{
    /// <summary>The active version (<c>null</c> before the first activation) and every activation, newest first.</summary>
    public async Task<RuleVersionsView> GetAsync(CancellationToken cancellationToken)
    {
        var active = await store.ActiveAsync(cancellationToken);
        var versions = await store.ListVersionsAsync(cancellationToken)
            .Select(version => new RuleVersionView(version.Version.ToString(), version.ActivatedAt, version.By, version.ByOrigin, version.Reason, version.Source))
            .ToListAsync(cancellationToken);
        return new RuleVersionsView(active?.Version.ToString(), versions);
    }
}
