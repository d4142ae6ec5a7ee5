using SchoolRisk.Application.Messaging;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Application.Digest;

/// <summary>The message on <c>digest-requests</c>: digest this period, as of a recalculation at <see cref="RequestedAt"/>.</summary>
public sealed record DigestRequest(Period Period, DateTimeOffset RequestedAt) : IPeriodMessage;
