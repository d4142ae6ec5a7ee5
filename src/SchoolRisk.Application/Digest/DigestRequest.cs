using SchoolRisk.Application.Messaging;

namespace SchoolRisk.Application.Digest;

/// <summary>The message on <c>digest-requests</c>: digest this period, as of a recalculation at <see cref="RequestedAt"/>.</summary>
public sealed record DigestRequest(string Period, DateTimeOffset RequestedAt) : IPeriodMessage;
