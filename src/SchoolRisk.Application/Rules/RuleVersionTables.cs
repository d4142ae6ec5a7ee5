using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Evaluation.Editing;
using SchoolRisk.Storage.Rules;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// The numbers (<see cref="RuleTable"/>) of archived rule set versions, as the views show them beside a result: the
/// thresholds a school was judged by are those of the version its result was evaluated with, not the version in force.
/// A version is read from the archive (<see cref="RuleStore.ReadVersionAsync"/>) and loaded (<see cref="RuleSet.LoadAsync(IEnumerable{RuleFile}, CancellationToken)"/>,
/// which compiles every rule: seconds; the version in use is taken from <see cref="RuleSetProvider.InUse"/> instead)
/// once; an archived version never changes (its name is its content hash), so what is kept is never stale. At most
/// <see cref="Capacity"/> versions are kept; a version that cannot be read or loaded is logged, answered as <c>null</c>
/// and tried again next time.
/// </summary>
public sealed class RuleVersionTables(RuleStore store, RuleSetProvider rules, ILogger<RuleVersionTables> logger)
{
    /// <summary>How many versions are kept; when one more is loaded, the kept ones are dropped.</summary>
    public const int Capacity = 16;

    private readonly ConcurrentDictionary<RuleSetVersion, RuleTable> _tables = new();

    /// <summary>The table of <paramref name="version"/>, or <c>null</c> for no version (<c>default</c>) or one the archive does not hold loadable.</summary>
    public async Task<RuleTable?> GetAsync(RuleSetVersion version, CancellationToken cancellationToken = default)
    {
        if (version == default)
        {
            return null;
        }

        if (_tables.TryGetValue(version, out var kept))
        {
            return kept;
        }

        try
        {
            var files = await store.ReadVersionAsync(version, cancellationToken);
            var table = RuleTable.Of(rules.InUse(version) ?? await RuleSet.LoadAsync(files, cancellationToken), files);
            if (_tables.Count >= Capacity)
            {
                _tables.Clear();
            }

            return _tables.GetOrAdd(version, table);
        }
        catch (RuleSetException exception)
        {
            logger.LogWarning(exception, "Rule set {RuleSetVersion} could not be loaded for a view; its thresholds are not shown", version.ToString());
            return null;
        }
    }

    /// <summary>The tables of every version in <paramref name="versions"/> (each loaded once), by version; a version that does not load is absent.</summary>
    public async Task<IReadOnlyDictionary<RuleSetVersion, RuleTable>> GetAllAsync(IEnumerable<RuleSetVersion> versions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var tables = new Dictionary<RuleSetVersion, RuleTable>();
        foreach (var version in versions.Distinct())
        {
            if (await GetAsync(version, cancellationToken) is { } table)
            {
                tables.Add(version, table);
            }
        }

        return tables;
    }
}
