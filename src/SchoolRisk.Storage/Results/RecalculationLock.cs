using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Storage.Results;

/// <summary>
/// One recalculation of a period at a time, across every instance: a 60-second blob lease on
/// <c>locks/recalculations/{period}</c>, renewed while held, released when done (or lapsing after a crash). The blob's
/// metadata remembers when the last completed recalculation started, so a request made before that is already covered.
/// </summary>
public sealed class RecalculationLock(StorageAccount account, TimeProvider time)
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private const string StartedKey = "laststarted";

    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(account.Options.LocksContainer);

    /// <summary>
    /// When the last completed recalculation of the period started, or <c>null</c> if none has; read without the lock, so a
    /// watcher (the demo, a test) can tell that a recalculation that began after some moment has finished.
    /// </summary>
    public async Task<DateTimeOffset?> LastStartedAsync(Period period, CancellationToken cancellationToken = default)
    {
        try
        {
            return await StartedOfAsync(_container.GetBlobClient($"recalculations/{period}"), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Waits until this caller holds the period's lock.</summary>
    public async Task<Held> AcquireAsync(Period period, CancellationToken cancellationToken = default)
    {
        var blob = _container.GetBlobClient($"recalculations/{period}");
        try
        {
            await blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            // Exists already (or is leased): fine.
        }

        var lease = blob.GetBlobLeaseClient();
        while (true)
        {
            try
            {
                await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
                return new Held(blob, lease, time);
            }
            catch (RequestFailedException exception) when (exception.Status == 409)
            {
                await Task.Delay(RetryDelay, time, cancellationToken);
            }
        }
    }

    private static async Task<DateTimeOffset?> StartedOfAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        return properties.Value.Metadata.TryGetValue(StartedKey, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var started) ? started : null;
    }

    /// <summary>A held lock: renewed in the background, released on dispose.</summary>
    public sealed class Held : IAsyncDisposable
    {
        private readonly BlobClient _blob;
        private readonly BlobLeaseClient _lease;
        private readonly TimeProvider _time;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewal;

        internal Held(BlobClient blob, BlobLeaseClient lease, TimeProvider time)
        {
            (_blob, _lease, _time) = (blob, lease, time);
            _renewal = RenewAsync();
        }

        /// <summary>When the last completed recalculation of the period started, or <c>null</c> if none has.</summary>
        public Task<DateTimeOffset?> LastStartedAsync(CancellationToken cancellationToken = default) => StartedOfAsync(_blob, cancellationToken);

        /// <summary>Records that a recalculation which started at <paramref name="startedAt"/> completed.</summary>
        public async Task CompletedAsync(DateTimeOffset startedAt, CancellationToken cancellationToken = default) =>
            await _blob.SetMetadataAsync(
                new Dictionary<string, string> { [StartedKey] = startedAt.ToString("O", CultureInfo.InvariantCulture) },
                new BlobRequestConditions { LeaseId = _lease.LeaseId }, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _renewal;
            _stop.Dispose();
            try
            {
                await _lease.ReleaseAsync();
            }
            catch (RequestFailedException)
            {
                // Lapsed already: another holder may have it now.
            }
        }

        private async Task RenewAsync()
        {
            try
            {
                while (true)
                {
                    await Task.Delay(LeaseDuration / 3, _time, _stop.Token);
                    await _lease.RenewAsync(cancellationToken: _stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // Released.
            }
        }
    }
}
