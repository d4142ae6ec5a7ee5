using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.Uploads;

namespace SchoolRisk.Application.Views;

/// <summary>
/// A municipality's uploads of a period, newest first (<c>MunicipalityUploads</c>), for the page to follow an upload
/// to its end and to list the history: each one's status (with its Russian title), what was read, the reason of a
/// rejection, and a link to download its problems report as CSV for Excel (valid <see cref="ReportLinkLifetime"/>).
/// </summary>
public sealed class MunicipalityUploadsQuery(UploadStatusTable statuses, ReportReadLinks links)
{
    /// <summary>How long a report link in the answer works: an hour, for a person looking at the page.</summary>
    public static readonly TimeSpan ReportLinkLifetime = TimeSpan.FromHours(1);

    /// <param name="scope">What the caller may see: another municipality's key is forbidden.</param>
    /// <param name="municipality">The municipality's id as the route gives it.</param>
    /// <param name="period">The school year, like <c>2023-2024</c>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The uploads (none yet: an empty list), or why not: forbidden, not a period, not a municipality id.</returns>
    public async Task<ViewAnswer<IReadOnlyList<UploadView>>> GetAsync(AccessScope scope, string municipality, string? period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.Sees(municipality))
        {
            return ViewAnswer.Forbidden<IReadOnlyList<UploadView>>(municipality);
        }

        if (!Period.TryParse(period, out var parsed))
        {
            return ViewAnswer.NotAPeriod<IReadOnlyList<UploadView>>(period);
        }

        if (!MunicipalityId.TryParse(municipality, out var municipalityId))
        {
            return ViewAnswer.NotAMunicipality<IReadOnlyList<UploadView>>(municipality);
        }

        var records = await statuses.ListAsync(parsed, municipalityId, cancellationToken)
            .OrderByDescending(record => record.BlobCreatedAt ?? record.UpdatedAt)
            .ToListAsync(cancellationToken);
        var reports = records.Where(record => record.ReportCsv is not null).Select(record => record.ReportCsv!).ToList();
        var issued = reports.Count == 0 ? null : await links.IssueAsync(reports, ReportLinkLifetime, cancellationToken);
        var urls = issued is null ? [] : reports.Zip(issued.Urls).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
        return ViewAnswer.Found<IReadOnlyList<UploadView>>([.. records.Select(record => UploadView.Of(record, record.ReportCsv is { } csv ? urls[csv] : null))]);
    }
}

/// <summary>
/// One upload as the page shows it: <see cref="FileName"/> is the name the person gave the file (without the time the
/// upload link added); <see cref="Status"/> is the status's name in camelCase (<c>processing</c>,
/// <c>completed</c>, <c>rejected</c>, <c>duplicate</c>, <c>superseded</c>, <c>failed</c>) and <see cref="StatusTitle"/> its
/// Russian words; <see cref="Kind"/> is <c>schools</c> or <c>rubrics</c>; the counts are of the file's data rows,
/// schools (or rubrics) evaluated, rows skipped, problems, and schools (rubrics) in the high and medium zone;
/// <see cref="Error"/> is a rejection's reason in Russian; <see cref="ReportUrl"/> downloads the problems report (CSV).
/// </summary>
public sealed record UploadView(
    string UploadId, string BlobName, string FileName, string Kind, string Status, string StatusTitle, DateTimeOffset UpdatedAt,
    int DataRows, int Evaluated, int SkippedRows, int ProblemCount, int HighCount, int MediumCount, string? Error, Uri? ReportUrl)
{
    /// <summary>The view of <paramref name="record"/>, with <paramref name="reportUrl"/> when it has a report.</summary>
    public static UploadView Of(UploadRecord record, Uri? reportUrl)
    {
        ArgumentNullException.ThrowIfNull(record);
        var path = UploadPath.TryParse(record.BlobName, out var parsed, out _) ? parsed : null;
        var rubrics = path?.Kind == UploadKind.Rubrics;
        return new UploadView(
            record.UploadId.ToString(), record.BlobName, UploadPath.OriginalFileName(path?.FileName ?? record.BlobName.Split('/')[^1]), rubrics ? "rubrics" : "schools",
            System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(record.Status.ToString()), TitleOf(record.Status), record.UpdatedAt,
            record.DataRows, rubrics ? record.RubricCount : record.SchoolCount, record.SkippedRows, record.ProblemCount, record.HighCount, record.MediumCount,
            record.Error, reportUrl);
    }

    /// <summary>The status in the words the page shows.</summary>
    public static string TitleOf(UploadStatus status) => status switch
    {
        UploadStatus.Processing => "обрабатывается",
        UploadStatus.Completed => "принят и оценён",
        UploadStatus.Rejected => "не принят",
        UploadStatus.Duplicate => "повтор уже принятого файла",
        UploadStatus.Superseded => "заменён более поздним файлом",
        _ => "сбой системы, обработка повторяется",
    };
}
