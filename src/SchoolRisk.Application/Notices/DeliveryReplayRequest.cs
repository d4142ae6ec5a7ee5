namespace SchoolRisk.Application.Notices;

/// <summary>
/// What the committee sends again (<see cref="DeliveryReplay"/>), addressed as <c>schoolrisk notices replay</c> addresses
/// it: <c>{"failed": true, "period": "2023-2024"}</c> the notices and digests whose delivery ended <c>Failed</c> (of one
/// period, or of every period without <see cref="Period"/>), as <c>--failed [--period p]</c>; or
/// <c>{"queue": "risk-notifications"}</c> every message of that queue's poison queue back on the queue, as
/// <c>--queue q</c>. Exactly one of the two.
/// </summary>
public sealed record DeliveryReplayRequest(bool Failed, string? Period, string? Queue);
