namespace SchoolRisk.Domain.Support.Effect;

/// <summary>A group of schools of <see cref="SupportEffect"/>: the supported schools of a kind, or the comparable schools without support.</summary>
/// <param name="Schools">Schools in the group (with a result in the period of support).</param>
/// <param name="InGroup">Of those, the ones in the low-result group (ШНОР) in the period of support.</param>
/// <param name="Later">What became of them one and two periods later, for each later period with results; empty when there is none yet.</param>
public sealed record EffectGroup(int Schools, int InGroup, IReadOnlyList<EffectHorizon> Later);
