using SchoolRisk.Domain.Notices;

namespace SchoolRisk.Functions.Ingest;

/// <summary>How processing an upload ended: with a notice for the municipality, or with nothing to say (a duplicate, say).</summary>
public sealed record IngestOutcome(MunicipalityNotice? Notice, string Message)
{
    public static IngestOutcome Evaluated(MunicipalityNotice? notice, string message) => new(notice, message);

    public static IngestOutcome Skipped(string message) => new(null, message);
}
