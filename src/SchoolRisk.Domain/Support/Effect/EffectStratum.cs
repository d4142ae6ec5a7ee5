namespace SchoolRisk.Domain.Support.Effect;

/// <summary>
/// What makes two schools comparable (issue 23, item 5: «same classification and level in the same period»): in the
/// low-result group or not (ШНОР), in unfavourable conditions or not (ШНСУ), and the programme level
/// (<see cref="Schools.SchoolRegistry.Secondary"/>, …).
/// </summary>
public readonly record struct EffectStratum(bool LowResults, bool UnfavourableConditions, string Level);
