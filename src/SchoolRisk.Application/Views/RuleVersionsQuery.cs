using SchoolRisk.Storage.Rules;

namespace SchoolRisk.Application.Views;

/// <summary>
/// The rule set in force, every activation and every rejected candidate, newest first (<c>RuleVersions</c>); any key that
/// sees data may read it.
/// </summary>
public sealed class RuleVersionsQuery(RuleStore store)
{
    /// <summary>The active version (<c>null</c> before the first activation), every activation and every rejection, newest first.</summary>
    public async Task<RuleVersionsView> GetAsync(CancellationToken cancellationToken)
    {
        var active = await store.ActiveAsync(cancellationToken);
        var versions = await store.ListVersionsAsync(cancellationToken)
            .Select(ViewOf)
            .ToListAsync(cancellationToken);
        var rejections = await store.ListRejectionsAsync(cancellationToken)
            .Select(rejection => new RuleRejectionView(
                rejection.At, rejection.By, rejection.ByOrigin, rejection.Reason, rejection.Source, rejection.CandidateVersion?.ToString(), rejection.ActiveVersion?.ToString(),
                rejection.Problems, rejection.ProblemCount))
            .ToListAsync(cancellationToken);
        return new RuleVersionsView(active?.Version.ToString(), versions) { Rejections = rejections };
    }

    /// <summary>An activation as the views show it.</summary>
    public static RuleVersionView ViewOf(RuleVersionRecord version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new RuleVersionView(version.Version.ToString(), version.ActivatedAt, version.By, version.ByOrigin, version.Reason, version.Source) { Previous = version.Previous?.ToString() };
    }
}
