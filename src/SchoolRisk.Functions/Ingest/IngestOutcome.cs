using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Functions.Ingest;

/// <summary>How processing an upload ended: with a notice for the municipality, or with nothing to say (a duplicate, say).</summary>
/// <param name="Notice">The municipality's notice, when there is something to tell.</param>
/// <param name="Message">What happened, for the invocation log.</param>
/// <param name="Recalculate">The period whose results changed and must be recalculated for the region.</param>
public sealed record IngestOutcome(MunicipalityNotice? Notice, string Message, Period? Recalculate = null)
{
    public static IngestOutcome Evaluated(MunicipalityNotice? notice, string message, Period? recalculate = null) => new(notice, message, recalculate);

    public static IngestOutcome Skipped(string message) => new(null, message);
}
