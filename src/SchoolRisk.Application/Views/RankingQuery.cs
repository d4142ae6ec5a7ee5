using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Application.Views;

/// <summary>
/// The integrated assessment's ranking of a period (<c>Ranking</c>): rank within the school's kind, composite score,
/// level, TOP and leader marks, best first; a municipality's key gets its own schools with their regional ranks.
/// </summary>
public sealed class RankingQuery(ResultTable results)
{
    /// <param name="scope">What the caller may see: only the schools of the municipalities it sees are listed.</param>
    /// <param name="period">The period, like <c>2023-2024</c>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<ViewAnswer<IReadOnlyList<RankingEntry>>> GetAsync(AccessScope scope, string? period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!Period.TryParse(period, out var parsed))
        {
            return ViewAnswer.NotAPeriod<IReadOnlyList<RankingEntry>>(period);
        }

        var ranking = await results.ListAsync(parsed, cancellationToken)
            .Where(result => scope.Sees(result.MunicipalityId.ToString()) && result.Assessment.Rank is not null)
            .OrderBy(result => result.Assessment.Rank).ThenByDescending(result => result.Assessment.Composite).ThenBy(result => result.SchoolId)
            .Select(result => new RankingEntry(
                result.Assessment.Rank!.Value, result.SchoolId.ToString(), result.SchoolName, result.MunicipalityId.ToString(), result.Assessment.Composite,
                result.Assessment.Level?.ToString(), result.Assessment.Top, result.Assessment.Leader))
            .ToListAsync(cancellationToken);
        return ViewAnswer.Found<IReadOnlyList<RankingEntry>>(ranking);
    }
}
