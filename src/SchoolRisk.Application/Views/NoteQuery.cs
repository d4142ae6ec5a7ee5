using SchoolRisk.Domain.Notices.Notes;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Reports;

namespace SchoolRisk.Application.Views;

/// <summary>A municipality's analytical note of a period (<c>Notes</c>): printable HTML, written after each recalculation.</summary>
public sealed class NoteQuery(ReportStore reports)
{
    /// <param name="scope">What the caller may see: another municipality's key is forbidden.</param>
    /// <param name="municipalityId">The municipality's id.</param>
    /// <param name="period">The period, like <c>2023-2024</c>; one that is not, or without a note yet, is not found.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The note's HTML when found.</returns>
    public async Task<ViewAnswer<string>> GetAsync(AccessScope scope, string municipalityId, string? period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.Sees(municipalityId))
        {
            return ViewAnswer.Forbidden<string>(municipalityId);
        }

        return Period.TryParse(period, out var parsed) && await reports.TryReadTextAsync(AnalyticalNote.BlobName(parsed, municipalityId), cancellationToken) is { } html
            ? ViewAnswer.Found<string>(html)
            : ViewAnswer.NotFound<string>($"Справки по «{municipalityId}» за «{period}» нет: она появляется после пересчёта региона.");
    }
}
