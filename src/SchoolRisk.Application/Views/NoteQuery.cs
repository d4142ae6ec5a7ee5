using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices.Notes;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Reports;

namespace SchoolRisk.Application.Views;

/// <summary>A municipality's analytical note of a period (<c>Notes</c>): printable HTML, written after each recalculation.</summary>
public sealed class NoteQuery(ReportBlobs reports)
{
    /// <param name="scope">What the caller may see: another municipality's key is forbidden.</param>
    /// <param name="municipality">The municipality's id as the route gives it; text that is no id (<see cref="MunicipalityId"/>) is a municipality without a note.</param>
    /// <param name="period">The period, like <c>2023-2024</c>; one that is not, or without a note yet, is not found.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The note's HTML when found.</returns>
    public async Task<ViewAnswer<string>> GetAsync(AccessScope scope, string municipality, string? period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.Sees(municipality))
        {
            return ViewAnswer.Forbidden<string>(municipality);
        }

        return Period.TryParse(period, out var parsed) && MunicipalityId.TryParse(municipality, out var municipalityId)
            && await reports.TryReadTextAsync(AnalyticalNote.BlobName(parsed, municipalityId), cancellationToken) is { } html
            ? ViewAnswer.Found<string>(html)
            : ViewAnswer.NotFound<string>($"Справки по «{municipality}» за «{period}» нет: она появляется после пересчёта региона.");
    }
}
