namespace SchoolRisk.Application.Messaging;

/// <summary>
/// Every storage queue of the workflow. Constants, so that the functions' <c>[QueueTrigger]</c> and <c>[QueueOutput]</c>
/// attributes name them from here; the Worker SDK writes those bindings into the app's <c>functions.metadata</c> at
/// build, and a test (<c>HostSettingsTests.QueueNames_AreExactlyTheQueuesTheFunctionsBindTo</c>) keeps <see cref="All"/>
/// equal to the set of queues bound there: none missing, none bound by a name not listed. Each queue has a poison
/// queue, <c>{name}-poison</c>, where a message waits after its last failed delivery (<c>host.json</c>'s <c>maxDequeueCount</c>).
/// </summary>
public static class QueueNames
{
    /// <summary>Event Grid BlobCreated events of the <c>uploads</c> container, read by <c>Ingest</c>.</summary>
    public const string UploadEvents = "upload-events";

    /// <summary>Event Grid BlobCreated events of the <c>rules</c> container, read by <c>RulesChanged</c>.</summary>
    public const string RulesEvents = "rules-events";

    /// <summary>Event Grid BlobCreated events of the <c>registry</c> container, read by <c>RegistryChanged</c>.</summary>
    public const string RegistryEvents = "registry-events";

    /// <summary><see cref="Recalculation.RecalculationRequest"/>s, written by <c>Ingest</c>, <c>RulesChanged</c> and the CLI, read by <c>Recalculate</c>.</summary>
    public const string PeriodRecalculations = "period-recalculations";

    /// <summary><see cref="Notices.NoticeMessage"/>s, written by <c>Ingest</c>, <c>Recalculate</c>, <c>RegistryChanged</c> and the CLI's replay, read by <c>Notify</c>.</summary>
    public const string RiskNotifications = "risk-notifications";

    /// <summary><see cref="Digest.DigestRequest"/>s, each visible after the digest delay, written by <c>Recalculate</c> and the CLI's replay, read by <c>Digest</c>.</summary>
    public const string DigestRequests = "digest-requests";

    /// <summary><see cref="Notes.NoteRequest"/>s, written by <c>Recalculate</c>, read by <c>WriteNotes</c>.</summary>
    public const string NoteRequests = "note-requests";

    /// <summary>Every queue above, in the order the flow reaches them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [UploadEvents, RulesEvents, RegistryEvents, PeriodRecalculations, RiskNotifications, DigestRequests, NoteRequests];

    /// <summary>The poison queue of <paramref name="queue"/>: <c>{queue}-poison</c>, as the Functions host names it.</summary>
    public static string PoisonOf(string queue) => $"{queue}-poison";
}
