using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Application.Recalculation;

/// <summary>
/// What evaluating a period needs, read from storage (<see cref="PeriodEvaluator.ReadAsync"/>): every stored school's
/// inputs, the registry (level, remoteness, enrolment), and each school's standing toward the low-result group the period before.
/// </summary>
public sealed record PeriodInputs(Period Period, IReadOnlyList<StoredInput> Schools, SchoolRegistry Registry, IReadOnlyDictionary<SchoolId, RiskGroupStanding> RiskGroupsBefore);
