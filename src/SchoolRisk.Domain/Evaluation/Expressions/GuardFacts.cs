using System.Collections.Immutable;

namespace SchoolRisk.Domain.Evaluation.Expressions;

/// <summary>
/// The facts that hold where a sub-expression is evaluated, established by the guards around it: the test of a
/// <c>?:</c>, the left side of <c>&amp;&amp;</c> (true) or <c>||</c> (false). Each is keyed by the guarded expression's
/// <see cref="ExpressionText.Key"/>, so <c>input1.X != 0 ? a / input1.X : 0</c> and <c>input1.X.HasValue &amp;&amp;
/// input1.X.Value &gt; 1</c> match their guard whatever conversions the parser put in between. Rule expressions have no
/// side effects and their inputs do not change while one is evaluated, so the same text has the same value throughout.
/// Immutable: a branch adds its facts to a copy.
/// </summary>
internal sealed class GuardFacts
{
    private readonly ImmutableDictionary<string, Refinement> _byKey;

    private GuardFacts(ImmutableDictionary<string, Refinement> byKey) => _byKey = byKey;

    /// <summary>No facts: the top of an expression.</summary>
    public static GuardFacts None { get; } = new(ImmutableDictionary<string, Refinement>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>What is known of the expression with this key, if anything.</summary>
    public Refinement? Of(string key) => _byKey.TryGetValue(key, out var refinement) ? refinement : null;

    /// <summary>These facts and <paramref name="refinement"/> of the expression with <paramref name="key"/>.</summary>
    public GuardFacts With(string key, Refinement refinement) =>
        new(_byKey.SetItem(key, _byKey.TryGetValue(key, out var known) ? known.And(refinement) : refinement));
}
