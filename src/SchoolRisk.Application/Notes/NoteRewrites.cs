using SchoolRisk.Application.Messaging;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Support.Effect;
using SchoolRisk.Storage;

namespace SchoolRisk.Application.Notes;

/// <summary>
/// Asks for the analytical notes to be written again outside a recalculation: a <see cref="NoteRequest"/> on
/// <c>note-requests</c> per period, stamped now, so that <c>WriteNotes</c> writes them unless a recalculation started
/// later (which writes them itself). A support decision recorded, changed or withdrawn for a period changes that period's
/// recommendations and the effect sections of the <see cref="SupportEffect.Horizons"/> periods after it.
/// </summary>
public sealed class NoteRewrites(StorageAccount account, TimeProvider time)
{
    /// <summary>Queues the rewrite of the notes of <paramref name="decided"/> and the periods whose effect section counts its support.</summary>
    /// <param name="decided">The period a support decision changed.</param>
    /// <param name="cancellationToken">Cancels the queueing; a message already sent stays.</param>
    public async Task AfterSupportChangedAsync(Period decided, CancellationToken cancellationToken)
    {
        var queue = account.Queues.GetQueueClient(QueueNames.NoteRequests);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var now = time.GetUtcNow();
        for (var later = 0; later <= SupportEffect.Horizons; later++)
        {
            await queue.SendMessageAsync(MessageJson.Serialize(new NoteRequest(decided.Plus(later), now)), cancellationToken);
        }
    }
}
