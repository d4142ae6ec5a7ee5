using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Application.Views;

/// <summary>
/// The risk map of a period (<c>RiskMap</c>): every municipality the caller may see, with its zone and its schools per
/// zone, by name; and the periods there are, newest first.
/// </summary>
public sealed class RiskMapQuery(MunicipalityTable municipalities, ResultTable results, RecipientListBlob recipients, SchoolRegistryBlob registry)
{
    /// <summary>The word that asks for the newest period.</summary>
    public const string Latest = "latest";

    /// <param name="scope">What the caller may see.</param>
    /// <param name="period">The period, like <c>2023-2024</c>, or <see cref="Latest"/> (an empty map while there is none).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<ViewAnswer<RiskMapView>> GetAsync(AccessScope scope, string? period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var periods = await municipalities.PeriodsAsync(cancellationToken);
        var names = await recipients.LoadAsync(cancellationToken);
        // No usable registry yet: none listed (the page then offers no upload; the committee is told about its registry elsewhere).
        List<RegisteredMunicipality> registered = [.. ((await registry.CheckAsync(cancellationToken)).InUse?.Content?.MunicipalityIds ?? [])
            .Select(id => id.ToString()).Where(scope.Sees).Select(id => new RegisteredMunicipality(id, names.NameOf(id))).OrderBy(m => m.Name, StringComparer.Ordinal)];
        if (period == Latest && periods.Count == 0)
        {
            return ViewAnswer.Found<RiskMapView>(new RiskMapView(string.Empty, [], []) { Caller = scope.MunicipalityId, Roles = scope.Roles, Registered = registered });
        }

        Period? asked = period == Latest ? await LatestSeenAsync(scope, periods, cancellationToken) : Period.TryParse(period, out var parsed) ? parsed : null;
        if (asked is not { } shown)
        {
            return ViewAnswer.NotAPeriod<RiskMapView>(period);
        }

        var schools = (await results.ListAsync(shown, cancellationToken).ToListAsync(cancellationToken)).ToLookup(result => result.MunicipalityId);
        var rows = await municipalities.ListAsync(shown, cancellationToken)
            .Where(summary => scope.Sees(summary.MunicipalityId.ToString()))
            .Select(summary => new MunicipalityRow(
                summary.MunicipalityId.ToString(), names.NameOf(summary.MunicipalityId.ToString()), summary.Zone, summary.SchoolZone, summary.RubricZone,
                schools[summary.MunicipalityId].Count(),
                schools[summary.MunicipalityId].Count(result => result.OverallZone == Zone.High),
                schools[summary.MunicipalityId].Count(result => result.OverallZone == Zone.Medium),
                schools[summary.MunicipalityId].Count(result => result.OverallZone == Zone.None),
                schools[summary.MunicipalityId].Count(result => result.Classification.LowResults)))
            .OrderBy(row => row.Name, StringComparer.Ordinal)
            .ToListAsync(cancellationToken);
        return ViewAnswer.Found<RiskMapView>(new RiskMapView(shown.ToString(), [.. periods.Select(p => p.ToString())], rows) { Caller = scope.MunicipalityId, Roles = scope.Roles, Registered = registered });
    }

    /// <summary>
    /// The newest period the caller has data in: the region's newest for a regional key; for a municipality's key the
    /// newest its municipality uploaded to (the region's newest when it has none), so that its page does not open on an
    /// empty map of a year it has not reached.
    /// </summary>
    private async Task<Period> LatestSeenAsync(AccessScope scope, IReadOnlyList<Period> periods, CancellationToken cancellationToken)
    {
        if (scope.Region || scope.MunicipalityId is not { } own)
        {
            return periods[0];
        }

        foreach (var candidate in periods)
        {
            if (await municipalities.ListAsync(candidate, cancellationToken).AnyAsync(summary => summary.MunicipalityId.ToString() == own, cancellationToken))
            {
                return candidate;
            }
        }

        return periods[0];
    }
}
