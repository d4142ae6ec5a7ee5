namespace SchoolRisk.Domain.Rubrics;

/// <summary>A rubric's item scores, checked: the band rules see it as <c>input1</c> (<c>input1.Total</c>).</summary>
public sealed record RubricScores(IReadOnlyList<int> Items)
{
    public int Total { get; } = Items.Sum();

    /// <summary>The scores as stored: digits in item order, <c>2102…</c>.</summary>
    public override string ToString() => string.Concat(Items);

    public static RubricScores Parse(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        return new RubricScores([.. digits.Select(digit => digit - '0')]);
    }
}
