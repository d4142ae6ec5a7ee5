using System.Globalization;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Domain.RiskGroups;

/// <summary>
/// A school's standing toward the low-result group (ШНОР) in one period: its <see cref="Status"/>, the run that is
/// counting toward the next change (<see cref="Streak"/>: periods in a row out of the group's criteria while in it, or
/// with low results while not in it), and when it last entered and left. Each period's standing follows from the one
/// before and whether the rules found low results this period (<see cref="Next"/>), so a stored period is all the
/// next one needs.
/// </summary>
/// <param name="Status">Where the school stands this period.</param>
/// <param name="Streak">Periods in a row counting toward a change: out (while <see cref="InGroup"/>) or in (while not); 0 when none.</param>
/// <param name="EnteredIn">The period it last entered the group; <c>null</c> when never known.</param>
/// <param name="ExitedIn">The period it last left the group; <c>null</c> when never known.</param>
public sealed record RiskGroupStanding(RiskGroupStatus Status, int Streak, Period? EnteredIn, Period? ExitedIn)
{
    /// <summary>Outside, with no history: a school seen for the first time.</summary>
    public static RiskGroupStanding Outside { get; } = new(RiskGroupStatus.Outside, 0, null, null);

    /// <summary>Whether the school is in the group this period (and so counted as a low-result school, ШНОР).</summary>
    public bool InGroup => Status is RiskGroupStatus.Entered or RiskGroupStatus.ReEntered or RiskGroupStatus.Stayed or RiskGroupStatus.Leaving;

    /// <summary>Whether the rules found low results in the school this period (<see cref="Next"/>'s <c>lowResults</c>), in the group or not.</summary>
    public bool LowResults => Status is RiskGroupStatus.Watched or RiskGroupStatus.Entered or RiskGroupStatus.ReEntered or RiskGroupStatus.Stayed;

    /// <summary>
    /// The standing in <paramref name="period"/>: from <paramref name="before"/> (the previous period's, <c>null</c> when
    /// the school has no result then) and <paramref name="lowResults"/> (whether the classification rules found low
    /// results this period). In the group: low results keep it there (<see cref="RiskGroupStatus.Stayed"/>); without them
    /// it is <see cref="RiskGroupStatus.Leaving"/> until <see cref="RiskGroupSettings.ExitPeriods"/> periods out in a row,
    /// then <see cref="RiskGroupStatus.Exited"/>. Not in the group: low results count toward
    /// <see cref="RiskGroupSettings.EntryPeriods"/> (<see cref="RiskGroupStatus.Watched"/> until then), then
    /// <see cref="RiskGroupStatus.Entered"/>, or <see cref="RiskGroupStatus.ReEntered"/> when it had left before. A period
    /// without a result breaks the history: the school starts again as if seen for the first time.
    /// </summary>
    public static RiskGroupStanding Next(RiskGroupStanding? before, bool lowResults, Period period, RiskGroupSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var prior = before ?? Outside;
        if (prior.InGroup)
        {
            if (lowResults)
            {
                return prior with { Status = RiskGroupStatus.Stayed, Streak = 0 };
            }

            var outside = prior.Streak + 1;
            return outside >= settings.ExitPeriods
                ? prior with { Status = RiskGroupStatus.Exited, Streak = 0, ExitedIn = period }
                : prior with { Status = RiskGroupStatus.Leaving, Streak = outside };
        }

        if (!lowResults)
        {
            return prior with { Status = RiskGroupStatus.Outside, Streak = 0 };
        }

        var inside = prior.Streak + 1;
        return inside >= settings.EntryPeriods
            ? prior with { Status = prior.ExitedIn is null ? RiskGroupStatus.Entered : RiskGroupStatus.ReEntered, Streak = 0, EnteredIn = period }
            : prior with { Status = RiskGroupStatus.Watched, Streak = inside };
    }

    /// <summary>
    /// The standing in Russian, with its periods: «вышла из группы риска в 2024-2025», «в группе риска: выход не
    /// подтверждён (1 из 2 периодов без низких результатов)», «повторно вошла в группу риска в 2025-2026 (выходила в 2023-2024)».
    /// </summary>
    public string Describe(RiskGroupSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string Count(int count, int of) => string.Create(CultureInfo.InvariantCulture, $"{count} из {of}");
        return Status switch
        {
            RiskGroupStatus.Entered => $"{Status.Title()} в {EnteredIn}",
            RiskGroupStatus.ReEntered => $"{Status.Title()} в {EnteredIn} (выходила в {ExitedIn})",
            RiskGroupStatus.Stayed => EnteredIn is { } entered ? $"{Status.Title()} (с {entered})" : Status.Title(),
            RiskGroupStatus.Leaving => $"{Status.Title()} ({Count(Streak, settings.ExitPeriods)} периодов без низких результатов)",
            RiskGroupStatus.Exited => $"{Status.Title()} в {ExitedIn}",
            RiskGroupStatus.Watched => $"{Status.Title()} ({Count(Streak, settings.EntryPeriods)} периодов с низкими результатами)",
            _ => ExitedIn is { } exited ? $"{Status.Title()} (вышла в {exited})" : Status.Title(),
        };
    }
}
