using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Federal;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Registry;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Rubrics;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices;

/// <summary>
/// A notice to one municipality about one upload: its schools in risk zones after evaluation (or, for rubric scores,
/// its rubrics in their low or middle band), and what was wrong with the file (skipped rows, or why it was rejected). <see cref="NoticeId"/> is the dedupe key: the same upload
/// evaluated by the same rule set is the same notice.
/// </summary>
/// <remarks>
/// <see cref="UploadId"/> is text, not a <see cref="Uploads.UploadId"/>: it names the upload a notice is about (or whose
/// data a rule change moved), but a <see cref="NoticeKind.RegistryProblems"/> notice names the committee file's blob
/// version id there, and the notifications table and the notices' blobs keep it as written.
/// </remarks>
public sealed record MunicipalityNotice(
    string NoticeId,
    MunicipalityId MunicipalityId,
    Period Period,
    string UploadId,
    string BlobName,
    NoticeKind Kind,
    RuleSetVersion? RuleSetVersion,
    int SchoolCount,
    IReadOnlyList<RiskSchool> Schools,
    UploadSummary? Problems)
{
    /// <summary>How many problems a notice quotes; the report has them all.</summary>
    public const int QuotedProblems = 10;

    /// <summary>Rubrics in their low or middle band, worst first (rubric uploads only).</summary>
    public IReadOnlyList<RubricResult> Rubrics { get; init; } = [];

    /// <summary>Schools that were in a risk zone the period before and are in none now (evaluated uploads only).</summary>
    public IReadOnlyList<LeftSchool> Left { get; init; } = [];

    /// <summary>
    /// The schools' standing toward the low-result group (ШНОР) this period, by school id: entries, re-entries, stays,
    /// exits not yet confirmed and exits (evaluated uploads only; a school plainly outside the group is not listed).
    /// </summary>
    public IReadOnlyList<RiskGroupSchool> RiskGroup { get; init; } = [];

    /// <summary>Schools whose zone a new rule set changed (<see cref="NoticeKind.RulesChanged"/> only).</summary>
    public IReadOnlyList<ZoneChange> ZoneChanges { get; init; } = [];

    /// <summary>The committee file checked and the version in use (<see cref="NoticeKind.RegistryProblems"/> only).</summary>
    public RegistrySummary? Registry { get; init; }

    /// <summary>
    /// The notice for an evaluated upload: schools that entered or stayed in a risk zone, and those that left one, against
    /// <paramref name="before"/> (each school's overall zone in the previous period), and each school's standing toward the
    /// low-result group, described with <paramref name="riskGroup"/>'s criteria; <c>null</c> when no school is or was
    /// in a risk zone or the group and the reading had nothing to tell (no problem, no column not read, no row left out).
    /// </summary>
    public static MunicipalityNotice? For(
        EvaluatedUpload upload, UploadReport report, ReportLinks? links, IReadOnlyDictionary<SchoolId, Zone> before, RiskGroupSettings riskGroup)
    {
        ArgumentNullException.ThrowIfNull(riskGroup);
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(before);
        var schools = upload.Schools
            .Where(evaluation => evaluation.OverallZone != Zone.None)
            .OrderByDescending(evaluation => evaluation.OverallZone)
            .ThenBy(evaluation => evaluation.School.SchoolId)
            .Select(evaluation => new RiskSchool(evaluation.School.SchoolId, evaluation.School.SchoolName, evaluation.OverallZone, evaluation.Findings)
            {
                Reasons = OverallZonePolicy.Default.ReasonsFor(evaluation.Findings.Select(finding => finding.Zone), evaluation.Classification),
                Before = before.TryGetValue(evaluation.School.SchoolId, out var zone) ? zone : null,
            })
            .ToList();
        var left = upload.Schools
            .Where(evaluation => evaluation.OverallZone == Zone.None && before.GetValueOrDefault(evaluation.School.SchoolId) != Zone.None)
            .Select(evaluation => new LeftSchool(evaluation.School.SchoolId, evaluation.School.SchoolName, before[evaluation.School.SchoolId]))
            .OrderBy(school => school.SchoolId)
            .ToList();
        var group = upload.Schools
            .Where(evaluation => evaluation.Classification.RiskGroup.Status != RiskGroupStatus.Outside)
            .OrderBy(evaluation => evaluation.Classification.RiskGroup.Status)
            .ThenBy(evaluation => evaluation.School.SchoolId)
            .Select(evaluation => new RiskGroupSchool(
                evaluation.School.SchoolId, evaluation.School.SchoolName, evaluation.Classification.RiskGroup.Status, evaluation.Classification.RiskGroup.Describe(riskGroup)))
            .ToList();
        if (schools.Count == 0 && left.Count == 0 && group.Count == 0 && !report.HasFindings)
        {
            return null;
        }

        return new MunicipalityNotice(
            $"{upload.Path.Period}_{upload.UploadId}_{upload.RuleSetVersion}",
            upload.Path.MunicipalityId,
            upload.Path.Period,
            upload.UploadId.ToString(),
            upload.Path.BlobName,
            NoticeKind.Evaluated,
            upload.RuleSetVersion,
            upload.Schools.Count,
            schools,
            report.HasFindings ? UploadSummary.Of(report, links) : null)
        {
            Left = left,
            RiskGroup = group,
        };
    }

    /// <summary>The notice for an evaluated rubric upload, or <c>null</c> when every rubric is in its top band and the reading had nothing to tell.</summary>
    public static MunicipalityNotice? ForRubrics(UploadPath path, UploadId uploadId, RuleSetVersion ruleSetVersion, IReadOnlyList<RubricResult> results, UploadReport report, ReportLinks? links)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(report);
        var atRisk = results
            .Where(result => result.Zone != Zone.None)
            .OrderByDescending(result => result.Zone)
            .ThenBy(result => result.RubricId, StringComparer.Ordinal)
            .ThenBy(result => result.Subject, StringComparer.Ordinal)
            .ToList();
        if (atRisk.Count == 0 && !report.HasFindings)
        {
            return null;
        }

        return new MunicipalityNotice(
            $"{path.Period}_{uploadId}_{ruleSetVersion}", path.MunicipalityId, path.Period, uploadId.ToString(), path.BlobName, NoticeKind.RubricsEvaluated,
            ruleSetVersion, 0, [], report.HasFindings ? UploadSummary.Of(report, links) : null)
        {
            Rubrics = atRisk,
        };
    }

    /// <summary>
    /// The notice that the activation of rule set <paramref name="ruleSetVersion"/> at <paramref name="activatedAt"/>
    /// changed the zones of some of a municipality's schools (its data did not change), or <c>null</c> when it changed
    /// none. One per municipality, period and activation: the id names the version and the moment it was activated, so a
    /// version activated again (a rollback, A → B → A) moves zones back with a notice of its own, while the retry of the
    /// same recalculation, or the next one under the same activation, is the same notice.
    /// </summary>
    public static MunicipalityNotice? RulesChanged(
        Period period, MunicipalityId municipalityId, UploadId uploadId, RuleSetVersion ruleSetVersion, DateTimeOffset activatedAt, IReadOnlyList<ZoneChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.Count == 0
            ? null
            : new MunicipalityNotice(
                $"{period}_{municipalityId}_rules_{ruleSetVersion}_{activatedAt.UtcDateTime:yyyyMMddHHmmssfff}", municipalityId, period, uploadId.ToString(), string.Empty, NoticeKind.RulesChanged,
                ruleSetVersion, changes.Count, [.. changes.Where(change => change.After != Zone.None).Select(change => new RiskSchool(change.SchoolId, change.SchoolName, change.After, change.Findings) { Reasons = change.Reasons })],
                null)
            {
                ZoneChanges = [.. changes.OrderBy(change => change.SchoolId)],
            };
    }

    /// <summary>The versions the schools of a <see cref="NoticeKind.RulesChanged"/> notice were moved from, in order of first mention; empty when not recorded.</summary>
    public IReadOnlyList<RuleSetVersion> VersionsBefore() =>
        [.. ZoneChanges.Select(change => change.FromVersion).OfType<RuleSetVersion>().Distinct()];

    /// <summary>
    /// The committee's notice that an edit of its registry or recipients directory has problems: to the recipient
    /// <c>committee</c>, in the school year of the edit, one per version of the file (the id names the version, so a
    /// redelivered event is the same notice). <see cref="Problems"/> holds why the file cannot be used, the refused rows
    /// and the report; <see cref="Registry"/> the notes and which version is in use.
    /// </summary>
    public static MunicipalityNotice ForRegistry(RegistryReport report, ReportLinks links)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ForCommitteeFile(
            $"registry_{report.Kind.ToString().ToLowerInvariant()}_{report.VersionId}", Period.Of(report.SavedAt), report.Kind, report.Title, report.VersionId,
            report.FileName, report.SavedAt, report.Unusable, report.Check, report.InUseText, links);
    }

    /// <summary>
    /// The committee's notice that the federal list it saved for a period has problems (refused rows, or a file that cannot
    /// be used): as <see cref="ForRegistry"/>, in the list's period, one per version of the file.
    /// </summary>
    public static MunicipalityNotice ForFederal(FederalReport report, ReportLinks links)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ForCommitteeFile(
            $"federal_{report.Period}_{report.VersionId}", report.Period, RegistryFileKind.FederalList, $"Федеральный перечень ШНОР за {report.Period}", report.VersionId,
            report.FileName, report.SavedAt, report.Unusable, report.Check, report.InUseText, links);
    }

    /// <summary>A notice to the committee about one version of one of its files and what its check found.</summary>
    private static MunicipalityNotice ForCommitteeFile(
        string noticeId, Period period, RegistryFileKind kind, string title, string versionId, string fileName, DateTimeOffset savedAt, string? unusable, FileCheck? check,
        string inUse, ReportLinks links) =>
        new(
            noticeId,
            Recipients.RecipientDirectory.CommitteeId,
            period,
            versionId,
            fileName,
            NoticeKind.RegistryProblems,
            null,
            0,
            [],
            new UploadSummary(
                unusable,
                check?.DataRows ?? 0,
                (check?.DataRows ?? 0) - (check?.ValidRows ?? 0),
                check?.ProblemCount ?? 0,
                [.. (check?.Problems ?? []).Take(QuotedProblems).Select(problem => problem.Message)],
                links))
        {
            Registry = new RegistrySummary(
                kind, title, savedAt, check?.Notes.Count ?? 0, [.. (check?.Notes ?? []).Take(QuotedProblems).Select(note => note.Message)], inUse),
        };

    /// <summary>The notice that an upload was rejected, with the reason.</summary>
    public static MunicipalityNotice Rejected(UploadReport report, ReportLinks? links)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new MunicipalityNotice(
            $"{report.Period}_{report.UploadId}_rejected",
            report.MunicipalityId,
            report.Period,
            report.UploadId.ToString(),
            report.BlobName,
            NoticeKind.Rejected,
            null,
            0,
            [],
            UploadSummary.Of(report, links));
    }
}
