using SchoolRisk.Domain.Notices;

namespace SchoolRisk.Functions.Ingest;

/// <summary>How an upload ended: evaluated (with a notice when schools are in risk zones) or rejected with a reason in Russian.</summary>
public sealed record IngestOutcome(bool Succeeded, RiskNotice? Notice, string Message)
{
    public static IngestOutcome Evaluated(RiskNotice? notice, string message) => new(true, notice, message);

    public static IngestOutcome Rejected(string reason) => new(false, null, reason);
}
