using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace SchoolRisk.Storage.Locks;

/// <summary>
/// A lock across every instance, named by a blob in the <c>locks</c> container (<see cref="StorageOptions.LocksContainer"/>):
/// a 60-second blob lease, renewed in the background while held, released on dispose, lapsing 60 seconds after a crash
/// so a holder that died blocks no one for longer. The blob is created empty on first use and kept. What each lock
/// guards is its user's to say (<see cref="Results.RecalculationLock"/>, <see cref="Uploads.UploadLock"/>).
/// </summary>
public sealed class BlobLock(StorageAccount account, TimeProvider time)
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(account.Options.LocksContainer);

    /// <summary>The lock's blob, for reading what a user keeps in its metadata without holding it.</summary>
    /// <param name="name">The blob name in the locks container, such as <c>recalculations/2024-2025</c>.</param>
    internal BlobClient BlobOf(string name) => _container.GetBlobClient(name);

    /// <summary>
    /// Waits until this caller holds the lock <paramref name="name"/>, retrying every 200 ms while another holds it. The
    /// wait has no bound of its own: <paramref name="cancellationToken"/> ends it (in the function app, the invocation's
    /// token and the host's <c>functionTimeout</c>).
    /// </summary>
    /// <param name="name">The blob name in the locks container, such as <c>recalculations/2024-2025</c>.</param>
    /// <param name="cancellationToken">Ends the wait with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="RequestFailedException">Storage failed otherwise than by the lease being taken.</exception>
    public async Task<Held> AcquireAsync(string name, CancellationToken cancellationToken = default)
    {
        var blob = BlobOf(name);
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

    /// <summary>A held lock: renewed in the background every 20 seconds, released on dispose.</summary>
    public sealed class Held : IAsyncDisposable
    {
        private readonly BlobLeaseClient _lease;
        private readonly TimeProvider _time;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewal;

        internal Held(BlobClient blob, BlobLeaseClient lease, TimeProvider time)
        {
            (Blob, _lease, _time) = (blob, lease, time);
            _renewal = RenewAsync();
        }

        /// <summary>The lock's blob, whose metadata a holder may write under <see cref="Conditions"/>.</summary>
        internal BlobClient Blob { get; }

        /// <summary>The conditions a write to <see cref="Blob"/> needs while the lease is held.</summary>
        internal Azure.Storage.Blobs.Models.BlobRequestConditions Conditions => new() { LeaseId = _lease.LeaseId };

        /// <summary>Stops renewing and releases the lease; a lease that lapsed already (another may hold it now) is left alone.</summary>
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
