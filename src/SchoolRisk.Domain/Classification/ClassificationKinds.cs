namespace SchoolRisk.Domain.Classification;

public static class ClassificationKinds
{
    private static readonly Dictionary<string, ClassificationKind> ByKey = new(StringComparer.Ordinal)
    {
        ["low_results"] = ClassificationKind.LowResults,
        ["high_results"] = ClassificationKind.HighResults,
        ["unfavourable_conditions"] = ClassificationKind.UnfavourableConditions,
        ["non_objective"] = ClassificationKind.NonObjective,
        ["leader_effective"] = ClassificationKind.LeaderEffective,
    };

    public static IReadOnlyCollection<string> Keys => ByKey.Keys;

    public static bool TryParse(string? key, out ClassificationKind kind) => ByKey.TryGetValue(key ?? string.Empty, out kind);

    public static string ToKey(this ClassificationKind kind) => ByKey.First(pair => pair.Value == kind).Key;
}
