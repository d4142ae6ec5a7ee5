namespace SchoolRisk.Functions.Recalculate;

/// <summary>The message on <c>period-recalculations</c>: recompute the region of this period.</summary>
public sealed record RecalculationRequest(string Period);
