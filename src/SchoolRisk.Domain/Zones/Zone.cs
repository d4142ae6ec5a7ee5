namespace SchoolRisk.Domain.Zones;

/// <summary>The three categories of risk-oriented supervision. Ordered: a greater value is a worse zone.</summary>
public enum Zone
{
    None = 0,
    Medium = 1,
    High = 2,
}
