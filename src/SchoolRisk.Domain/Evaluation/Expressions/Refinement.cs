namespace SchoolRisk.Domain.Evaluation.Expressions;

/// <summary>
/// What a guard established about a sub-expression's value where it holds: at least <see cref="Min"/>, at most
/// <see cref="Max"/> (<c>null</c>: nothing known on that side), not zero (<see cref="NonZero"/>), present
/// (<see cref="NotNull"/>). It speaks of the value when there is one: <c>x != 0</c> leaves a nullable <c>x</c> nullable.
/// </summary>
internal readonly record struct Refinement(decimal? Min = null, decimal? Max = null, bool NonZero = false, bool NotNull = false)
{
    /// <summary>Both refinements at once.</summary>
    public Refinement And(Refinement other) => new(
        Min is { } a && other.Min is { } b ? Math.Max(a, b) : Min ?? other.Min,
        Max is { } c && other.Max is { } d ? Math.Min(c, d) : Max ?? other.Max,
        NonZero || other.NonZero,
        NotNull || other.NotNull);
}
