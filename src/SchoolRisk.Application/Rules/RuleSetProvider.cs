using Microsoft.Extensions.Logging;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Storage.Rules;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// The rule set this instance evaluates with: the active version of the <see cref="RuleStore"/>. Every invocation reads
/// the active pointer (one table read, compared by ETag; or at most every <see cref="CheckInterval"/> when that is set),
/// so an upload processed after an activation uses the activated version; when the pointer moved it loads the archived
/// version, compiles it, and swaps it in. An invocation keeps the rule set it started with. A version that fails to load (it passed validation, so only a corrupt archive would)
/// is logged and the current one kept.
/// </summary>
public sealed class RuleSetProvider(RuleStore store, TimeProvider time, ILogger<RuleSetProvider> logger) : IDisposable
{
    /// <summary>How long a read of the active pointer is trusted; zero (the default) reads it for every invocation.</summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.Zero;

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private RuleSet? _current;
    private DateTimeOffset _activatedAt;
    private string? _eTag;
    private DateTimeOffset _checkedAt;

    /// <inheritdoc/>
    public void Dispose() => _refresh.Dispose();

    /// <summary>The rule set to evaluate with now: the active version, read as <see cref="CheckInterval"/> allows.</summary>
    /// <exception cref="InvalidOperationException">No version is active (the function app seeds one on start).</exception>
    public async ValueTask<RuleSet> GetAsync(CancellationToken cancellationToken = default) => (await GetActiveAsync(cancellationToken)).RuleSet;

    /// <summary>The rule set in use and when its version was activated, read as <see cref="GetAsync"/> reads it.</summary>
    public async ValueTask<ActiveRuleSet> GetActiveAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } current && time.GetUtcNow() - _checkedAt < CheckInterval)
        {
            return new ActiveRuleSet(current, _activatedAt);
        }

        return await RefreshActiveAsync(cancellationToken);
    }

    /// <summary>
    /// The rule set in use if it is <paramref name="version"/>, without reading the active pointer; <c>null</c> otherwise.
    /// Spares a view the load of a version this instance already compiled (<see cref="RuleVersionTables"/>: seconds).
    /// </summary>
    public RuleSet? InUse(RuleSetVersion version) => Volatile.Read(ref _current) is { } current && current.Version == version ? current : null;

    /// <summary>
    /// Takes <paramref name="ruleSet"/> as the one in use when none is yet: a rule set loaded from the files of the version
    /// it names (the start's seed validates and activates one), so the first refresh finds that version in use and does
    /// not load and compile the same files again (about a second of a function worker's start). The refresh still
    /// reads the active pointer, and loads another version if the pointer names one.
    /// </summary>
    public void Adopt(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        Interlocked.CompareExchange(ref _current, ruleSet, null);
    }

    /// <summary>Reads the active pointer now and loads the version it names if it is not the one in use.</summary>
    public async Task<RuleSet> RefreshAsync(CancellationToken cancellationToken = default) => (await RefreshActiveAsync(cancellationToken)).RuleSet;

    /// <summary>As <see cref="RefreshAsync"/>, with the moment the version in use was activated.</summary>
    public async Task<ActiveRuleSet> RefreshActiveAsync(CancellationToken cancellationToken = default)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            var active = await store.ActiveAsync(cancellationToken)
                ?? throw new InvalidOperationException("No rule set is active: the function app seeds one from Rules:Directory on start.");
            _checkedAt = time.GetUtcNow();
            if (active.ETag == _eTag && _current is not null)
            {
                return new ActiveRuleSet(_current, _activatedAt);
            }

            if (_current?.Version != active.Version)
            {
                try
                {
                    var loaded = await RuleSet.LoadAsync(await store.ReadVersionAsync(active.Version, cancellationToken), cancellationToken);
                    logger.LogInformation("Rule set {RuleSetVersion} in use (was {PreviousVersion})", loaded.Version.ToString(), _current?.Version.ToString() ?? "none");
                    _current = loaded;
                }
                catch (RuleSetException exception) when (_current is not null)
                {
                    logger.LogError(exception, "Active rule set {RuleSetVersion} could not be loaded; {CurrentVersion} stays in use", active.Version.ToString(), _current.Version.ToString());
                    return new ActiveRuleSet(_current, _activatedAt);
                }
            }

            // The same version may have been activated again since (A → B → A): the moment is the pointer's.
            _activatedAt = active.ActivatedAt;
            _eTag = active.ETag;
            return new ActiveRuleSet(_current, _activatedAt);
        }
        finally
        {
            _refresh.Release();
        }
    }
}
