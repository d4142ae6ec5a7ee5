using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Locks;

namespace SchoolRisk.Storage.Results;

/// <summary>
/// One recalculation of a period at a time, across every instance: the <see cref="BlobLock"/> <c>locks/recalculations/{period}</c>
/// (a 60-second blob lease, renewed while held, released when done or lapsing after a crash). The blob's metadata
/// remembers when the last completed recalculation started, so a request made before that is already covered.
/// </summary>
public sealed class RecalculationLock(StorageAccount account, TimeProvider time)
{
    private const string StartedKey = "laststarted";

    private readonly BlobLock _locks = new(account, time);

    /// <summary>The lock's blob name in the locks container: <c>recalculations/{period}</c>.</summary>
    public static string NameOf(Period period) => $"recalculations/{period}";

    /// <summary>
    /// When the last completed recalculation of the period started, or <c>null</c> if none has; read without the lock, so a
    /// watcher (the demo, a test) can tell that a recalculation that began after some moment has finished.
    /// </summary>
    public async Task<DateTimeOffset?> LastStartedAsync(Period period, CancellationToken cancellationToken = default)
    {
        try
        {
            return await StartedOfAsync(_locks.BlobOf(NameOf(period)), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Waits until this caller holds the period's lock (<see cref="BlobLock.AcquireAsync"/>: bounded only by <paramref name="cancellationToken"/>).</summary>
    public async Task<Held> AcquireAsync(Period period, CancellationToken cancellationToken = default) =>
        new(await _locks.AcquireAsync(NameOf(period), cancellationToken));

    private static async Task<DateTimeOffset?> StartedOfAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        return properties.Value.Metadata.TryGetValue(StartedKey, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var started) ? started : null;
    }

    /// <summary>A held lock of a period: renewed in the background, released on dispose.</summary>
    public sealed class Held : IAsyncDisposable
    {
        private readonly BlobLock.Held _held;

        internal Held(BlobLock.Held held) => _held = held;

        /// <summary>When the last completed recalculation of the period started, or <c>null</c> if none has.</summary>
        public Task<DateTimeOffset?> LastStartedAsync(CancellationToken cancellationToken = default) => StartedOfAsync(_held.Blob, cancellationToken);

        /// <summary>Records that a recalculation which started at <paramref name="startedAt"/> completed.</summary>
        public async Task CompletedAsync(DateTimeOffset startedAt, CancellationToken cancellationToken = default) =>
            await _held.Blob.SetMetadataAsync(
                new Dictionary<string, string> { [StartedKey] = startedAt.ToString("O", CultureInfo.InvariantCulture) },
                _held.Conditions, cancellationToken);

        /// <summary>Releases the period's lock (<see cref="BlobLock.Held.DisposeAsync"/>).</summary>
        public ValueTask DisposeAsync() => _held.DisposeAsync();
    }
}
