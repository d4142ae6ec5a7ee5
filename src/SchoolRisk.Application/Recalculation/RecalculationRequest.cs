using SchoolRisk.Application.Messaging;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Application.Recalculation;

/// <summary>
/// The message on <c>period-recalculations</c>: recompute the region of this period, with at least the rule set
/// <paramref name="RuleSetVersion"/> when it is given (an activation asks for its own version, which an instance that
/// has not yet noticed it loads first). <paramref name="RequestedAt"/>: a recalculation that started later covers it.
/// </summary>
public sealed record RecalculationRequest(Period Period, RuleSetVersion? RuleSetVersion = null, DateTimeOffset? RequestedAt = null) : IPeriodMessage;
