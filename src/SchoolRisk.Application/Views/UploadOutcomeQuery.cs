using System.Text.Json;
using SchoolRisk.Application.Rules;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Uploads;

namespace SchoolRisk.Application.Views;

/// <summary>
/// One upload's outcome (<c>UploadOutcome</c>), which the page shows when an upload ends or a row of the uploads table is
/// opened: the upload's record, its report as the reading wrote it (<c>errors.json</c>: problems by row, columns not
/// recognised with their suggested indicator, rows left out), and its schools from the results table by zone, with why
/// each is there (<see cref="UploadOutcomeView"/>).
/// </summary>
public sealed class UploadOutcomeQuery(UploadStatusTable statuses, ReportBlobs reports, ReportReadLinks links, ResultTable results, RuleVersionTables ruleTables)
{
    private static readonly Zone[] ZonesWorstFirst = [Zone.High, Zone.Medium, Zone.None];

    /// <param name="scope">What the caller may see: another municipality's key is forbidden.</param>
    /// <param name="municipality">The municipality's id as the route gives it.</param>
    /// <param name="period">The school year, like <c>2023-2024</c>.</param>
    /// <param name="uploadId">The upload's id, as the uploads list gives it (<c>uploadId</c>).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>
    /// The outcome, or why not: forbidden, not a period, not a municipality id, no such upload of the municipality's
    /// period (Russian).
    /// </returns>
    public async Task<ViewAnswer<UploadOutcomeView>> GetAsync(
        AccessScope scope, string municipality, string? period, string? uploadId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.Sees(municipality))
        {
            return ViewAnswer.Forbidden<UploadOutcomeView>(municipality);
        }

        if (!Period.TryParse(period, out var parsed))
        {
            return ViewAnswer.NotAPeriod<UploadOutcomeView>(period);
        }

        if (!MunicipalityId.TryParse(municipality, out var municipalityId))
        {
            return ViewAnswer.NotAMunicipality<UploadOutcomeView>(municipality);
        }

        var records = await statuses.ListAsync(parsed, municipalityId, cancellationToken).ToListAsync(cancellationToken);
        var record = UploadId.TryParse(uploadId, out var id) ? records.Find(candidate => candidate.UploadId == id) : null;
        if (record is null)
        {
            return ViewAnswer.NotFound<UploadOutcomeView>($"Загрузки «{uploadId}» муниципалитета «{municipality}» за {parsed} нет.");
        }

        var report = await ReportAsync(record, cancellationToken);
        var reportUrl = record.ReportCsv is { } csv
            ? (await links.IssueAsync([csv], MunicipalityUploadsQuery.ReportLinkLifetime, cancellationToken)).Urls[0]
            : null;
        var upload = UploadView.Of(record, reportUrl);
        var related = (record.DuplicateOf ?? record.SupersededBy) is { } other ? records.Find(candidate => candidate.UploadId == other) : null;
        var relatedName = related is null ? null : UploadView.Of(related, null).FileName;
        var rejected = record.Status == UploadStatus.Rejected;
        return ViewAnswer.Found(new UploadOutcomeView(
            upload,
            Summary(upload, record, relatedName),
            rejected ? report?.RejectionReason ?? record.Error : null,
            rejected ? RejectedUploadSteps.For(parsed, hasReport: reportUrl is not null, onPage: true) : [],
            [.. (report?.Problems ?? []).Select(problem => new UploadProblemView(problem.Row, problem.Column, problem.Value, problem.Message))],
            report?.ProblemCount ?? record.ProblemCount,
            [.. (report?.UnrecognisedColumns ?? []).Select(column => new UnrecognisedColumnView(
                column.Header, column.SuggestedIndicator, column.Suggestion?.Title, column.Message(upload.FileName)))],
            [.. (report?.Notes ?? []).Select(note => new LeftOutRowView(note.Row, note.Message))],
            await ZonesAsync(parsed, municipalityId, record, upload, cancellationToken)));
    }

    /// <summary>The report the reading wrote, or <c>null</c> when there is none (nothing to tell) or it cannot be read.</summary>
    private async Task<UploadReport?> ReportAsync(UploadRecord record, CancellationToken cancellationToken)
    {
        if (record.ReportJson is not { } blobName || await reports.TryReadTextAsync(blobName, cancellationToken) is not { } json)
        {
            return null;
        }

        try
        {
            return UploadReportFiles.ReadJson(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The schools whose results in force come from the upload (a repeat: from the upload it repeats), by zone.</summary>
    private async Task<IReadOnlyList<ZoneSchoolsView>> ZonesAsync(
        Period period, MunicipalityId municipalityId, UploadRecord record, UploadView upload, CancellationToken cancellationToken)
    {
        var source = record.Status switch
        {
            UploadStatus.Completed => record.UploadId,
            UploadStatus.Duplicate => record.DuplicateOf,
            _ => null,
        };
        if (source is not { } sourceId || upload.Kind != "schools")
        {
            return [];
        }

        var schools = await results.ListAsync(period, municipalityId, cancellationToken)
            .Where(result => result.UploadId == sourceId)
            .ToListAsync(cancellationToken);
        var tables = await ruleTables.GetAllAsync(schools.Select(result => result.RuleSetVersion), cancellationToken);
        return [.. ZonesWorstFirst.Select(zone => new ZoneSchoolsView(
            zone,
            ZoneTitle(zone),
            [.. schools.Where(result => result.OverallZone == zone).OrderBy(result => result.SchoolId.ToString(), StringComparer.Ordinal)
                .Select(result => new ZoneSchoolView(
                    result.SchoolId.ToString(), result.SchoolName, SchoolViews.ZoneReasons(result),
                    [.. SchoolViews.Indicators(result, tables).Where(indicator => indicator.Zone != Zone.None)]))]))];
    }

    private static string Summary(UploadView upload, UploadRecord record, string? relatedName) => record.Status switch
    {
        UploadStatus.Processing => $"Файл «{upload.FileName}» проверяется: итог появится здесь через несколько секунд.",
        UploadStatus.Completed when upload.Kind == "rubrics" =>
            $"Файл «{upload.FileName}» принят: оценено рубрикаторов {upload.Evaluated}, в нижнем уровне (зона высокого риска) {upload.HighCount}, " +
            $"в зоне среднего риска {upload.MediumCount}; пропущено строк {upload.SkippedRows}.",
        UploadStatus.Completed =>
            $"Файл «{upload.FileName}» принят: оценено школ {upload.Evaluated}, в зоне высокого риска {upload.HighCount}, в зоне среднего риска {upload.MediumCount}; " +
            $"пропущено строк {upload.SkippedRows}.",
        UploadStatus.Rejected => $"Файл «{upload.FileName}» не принят, ничего не оценено.",
        UploadStatus.Duplicate =>
            $"Файл «{upload.FileName}» по содержанию совпадает с уже принятым файлом{Named(relatedName)}: повторно он не оценивается и письмо не отправляется; " +
            "действуют результаты того файла.",
        UploadStatus.Superseded =>
            $"Файл «{upload.FileName}» заменён более поздним файлом{Named(relatedName)}: действуют результаты того файла, а этот сохранён, но его результаты больше не действуют.",
        _ => $"При обработке файла «{upload.FileName}» произошёл сбой системы — это не ошибка в файле. {record.Error}".TrimEnd(),
    };

    private static string Named(string? fileName) => fileName is null ? string.Empty : $" «{fileName}»";

    private static string ZoneTitle(Zone zone) => zone switch
    {
        Zone.High => "высокий риск",
        Zone.Medium => "средний риск",
        _ => "вне зоны риска",
    };
}
