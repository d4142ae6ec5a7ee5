namespace SchoolRisk.Domain.RiskGroups;

/// <summary>The keys rule files, storage and the page use for <see cref="RiskGroupStatus"/>, and the Russian the users read.</summary>
public static class RiskGroupStatuses
{
    private static readonly (RiskGroupStatus Status, string Key, string Title)[] All =
    [
        (RiskGroupStatus.Outside, "outside", "вне группы риска"),
        (RiskGroupStatus.Watched, "watched", "под наблюдением: низкие результаты, вход в группу риска не подтверждён"),
        (RiskGroupStatus.Entered, "entered", "вошла в группу риска"),
        (RiskGroupStatus.ReEntered, "reentered", "повторно вошла в группу риска"),
        (RiskGroupStatus.Stayed, "stayed", "остаётся в группе риска"),
        (RiskGroupStatus.Leaving, "leaving", "в группе риска: выход не подтверждён"),
        (RiskGroupStatus.Exited, "exited", "вышла из группы риска"),
    ];

    /// <summary>Every key, in the order of <see cref="RiskGroupStatus"/>.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. All.Select(status => status.Key)];

    /// <summary>The key of <paramref name="status"/>: <c>outside</c>, <c>watched</c>, <c>entered</c>, <c>reentered</c>, <c>stayed</c>, <c>leaving</c>, <c>exited</c>.</summary>
    public static string ToKey(this RiskGroupStatus status) => All.First(entry => entry.Status == status).Key;

    /// <summary>What the status says to a user, in Russian, without the periods (<see cref="RiskGroupStanding.Describe"/> adds them).</summary>
    public static string Title(this RiskGroupStatus status) => All.First(entry => entry.Status == status).Title;

    /// <summary>Reads a key (ordinal, lower case as written here).</summary>
    public static bool TryParse(string? key, out RiskGroupStatus status)
    {
        foreach (var entry in All)
        {
            if (entry.Key == key)
            {
                status = entry.Status;
                return true;
            }
        }

        status = RiskGroupStatus.Outside;
        return false;
    }
}
