using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using SchoolRisk.Cli;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.ServiceBus;
using SchoolRisk.Storage.Uploads;
using Spectre.Console;

namespace SchoolRisk.Benchmarks.Pipeline;

/// <summary>
/// What a municipality waits for: its file uploaded through the local host exactly as in Azure (a blob in
/// <c>uploads</c>, its event on a queue, the Ingest function, the notice queue, delivery to the mail server), one
/// upload at a time, each a little different so none is a duplicate. Upload-to-results is when the upload's status is
/// <c>Completed</c> (results written); upload-to-notice is when its notice is recorded <c>Delivered</c> (the letter at the
/// mail server and the message on the Service Bus topic); upload-to-subscriber is when a receiver of the municipality's
/// subscription, listening all the while, gets the notice's message.
/// </summary>
public static class MunicipalLatency
{
    private const string Municipality = "gatchinsky";
    private static readonly Period Period = Period.Parse("2023-2024");
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(int uploads)
    {
        var samples = Path.Combine(Repository.Root, "samples");
        using var loggers = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Warning));
        await using var deployment = await LocalDeployment.StartAsync(Repository.Root, null, LogLevel.Warning, loggers, CancellationToken.None);
        await using (var registry = File.OpenRead(Path.Combine(samples, "registry", "schools.csv")))
        {
            await new SchoolRegistryBlob(deployment.Storage).UploadAsync(registry);
        }

        await using (var recipients = File.OpenRead(Path.Combine(samples, "registry", "recipients.csv")))
        {
            await new RecipientListBlob(deployment.Storage).UploadAsync(recipients);
        }

        var content = await File.ReadAllTextAsync(Path.Combine(samples, "uploads", Period.ToString(), Municipality, "schools.csv"));
        var statuses = new UploadStatusTable(deployment.Storage);
        var notices = new NotificationTable(deployment.Storage, TimeProvider.System);
        var blobs = new UploadBlobs(deployment.Storage);
        var toResults = new List<TimeSpan>();
        var toNotice = new List<TimeSpan>();
        var toSubscriber = new List<TimeSpan>();
        await using var bus = new ServiceBusClient(deployment.ServiceBusConnectionString);
        var arrivals = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var stopListening = new CancellationTokenSource();
        var listening = Task.CompletedTask;
        for (var n = 0; n <= uploads; n++)
        {
            var blobName = $"{Period}/{Municipality}/schools-{n:00}.csv";
            var started = Stopwatch.GetTimestamp();
            using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(content + new string('\n', n + 1))))
            {
                await blobs.UploadAsync(blobName, stream);
            }

            var record = await PollAsync(async () => await statuses.ListAsync(Period, Domain.Municipalities.MunicipalityId.Parse(Municipality))
                .FirstOrDefaultAsync(record => record.BlobName == blobName && record.Status == UploadStatus.Completed));
            var results = Stopwatch.GetElapsedTime(started);
            var delivered = await PollAsync(async () => await notices.ListAsync(Period)
                .FirstOrDefaultAsync(notice => notice.UploadId == record.UploadId.ToString() && notice.Status == NoticeStatus.Delivered));
            var notice = Stopwatch.GetElapsedTime(started);
            if (n == 0)
            {
                // The first notice's publishing made the municipality's subscription (if the registry had not yet).
                listening = ListenAsync(bus.CreateReceiver(new NoticeTopicOptions().Topic, NoticeSubscription.NameOf(Municipality)), arrivals, stopListening.Token);
                continue;
            }

            var arrived = await PollAsync(() => Task.FromResult<object?>(arrivals.TryGetValue(delivered.NoticeId, out var at) ? at : null));
            toResults.Add(results);
            toNotice.Add(notice);
            toSubscriber.Add(Stopwatch.GetElapsedTime(started, (long)arrived));
        }

        await stopListening.CancelAsync();
        await listening;

        var queues = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(SchoolRisk.Cli.LocalDeployment.FunctionAppPath, "host.json"))).RootElement.GetProperty("extensions").GetProperty("queues");
        var table = new Table().Title($"{uploads} uploads of {Municipality}'s file through the local host, one at a time (a first, unmeasured upload warms up)")
            .AddColumn("from upload to").AddColumn("p50", c => c.RightAligned()).AddColumn("p95", c => c.RightAligned()).AddColumn("max", c => c.RightAligned());
        table.AddRow("results written (status Completed)", Seconds(Percentile(toResults, 0.50)), Seconds(Percentile(toResults, 0.95)), Seconds(toResults.Max()));
        table.AddRow("notice delivered (mail server and Service Bus topic)", Seconds(Percentile(toNotice, 0.50)), Seconds(Percentile(toNotice, 0.95)), Seconds(toNotice.Max()));
        table.AddRow("notice received from the municipality's subscription", Seconds(Percentile(toSubscriber, 0.50)), Seconds(Percentile(toSubscriber, 0.95)), Seconds(toSubscriber.Max()));
        AnsiConsole.Write(table);
        var host = new SchoolRisk.LocalHost.LocalHostOptions();
        AnsiConsole.MarkupLine($"Polling: blob events every {host.BlobPollingInterval.TotalMilliseconds:0} ms, backing off to {host.MaxBlobPollingInterval.TotalMilliseconds:0} ms when idle (Event Grid pushes), " +
            $"queues as host.json: maxPollingInterval {queues.GetProperty("maxPollingInterval")}, batchSize {queues.GetProperty("batchSize")}.");
        return 0;
    }

    /// <summary>Receives the subscription's messages until cancelled, noting when each notice's message arrived (a <see cref="Stopwatch"/> timestamp).</summary>
    private static async Task ListenAsync(ServiceBusReceiver receiver, ConcurrentDictionary<string, long> arrivals, CancellationToken cancellationToken)
    {
        await using var owned = receiver;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                foreach (var message in await receiver.ReceiveMessagesAsync(16, TimeSpan.FromSeconds(1), cancellationToken))
                {
                    arrivals[(string)message.ApplicationProperties["noticeId"]] = Stopwatch.GetTimestamp();
                    await receiver.CompleteMessageAsync(message, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private static async Task<T> PollAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Nothing after {Deadline}.");
    }

    private static TimeSpan Percentile(List<TimeSpan> values, double share)
    {
        var ordered = values.Order().ToList();
        return ordered[(int)Math.Ceiling(share * ordered.Count) - 1];
    }

    private static string Seconds(TimeSpan value) => $"{value.TotalSeconds:0.00} s";
}
