namespace SchoolRisk.Domain.RiskGroups;

/// <summary>
/// Where a school stands in a period toward the low-result group (ШНОР, the region's risk group), given its standing the
/// period before (<see cref="RiskGroupStanding.Next"/>). The group has entry and exit criteria (US accountability lists
/// have both): a school enters after <see cref="RiskGroupSettings.EntryPeriods"/> periods in a row with low results and
/// leaves only after <see cref="RiskGroupSettings.ExitPeriods"/> periods in a row without them.
/// </summary>
public enum RiskGroupStatus
{
    /// <summary>Not in the group, and no low results this period: «вне группы риска».</summary>
    Outside,

    /// <summary>Low results this period, but fewer periods in a row than entry needs: «под наблюдением», not yet in the group.</summary>
    Watched,

    /// <summary>Entered the group this period, for the first time known: «вошла в группу риска».</summary>
    Entered,

    /// <summary>Entered the group this period after having left it earlier: «повторно вошла в группу риска».</summary>
    ReEntered,

    /// <summary>In the group before and low results again: «остаётся в группе риска».</summary>
    Stayed,

    /// <summary>In the group, no low results this period, but fewer periods out than exit needs: still in the group, «выход не подтверждён».</summary>
    Leaving,

    /// <summary>Left the group this period, after the periods out that exit needs: «вышла из группы риска».</summary>
    Exited,
}
