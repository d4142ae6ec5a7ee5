using SchoolRisk.Application.Notices;
using SchoolRisk.Application.Recalculation;

namespace SchoolRisk.Application.Uploads;

/// <summary>How processing an upload ended (<see cref="UploadProcessor.ProcessAsync"/>), as the door's outputs.</summary>
/// <param name="Message">What happened, for the invocation log.</param>
/// <param name="Notice">The message for <c>risk-notifications</c> when the municipality is told something; its notice is already in the notices container.</param>
/// <param name="Recalculation">The message for <c>period-recalculations</c> when the period's results changed and the region must be recalculated.</param>
public sealed record IngestOutcome(string Message, NoticeMessage? Notice, RecalculationRequest? Recalculation);
