using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Notices;
using SchoolRisk.Cli.Samples;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.ServiceBus;
using SchoolRisk.Testing;
using static SchoolRisk.EndToEnd.Tests.Notices.ServiceBusTopicReads;

namespace SchoolRisk.EndToEnd.Tests.Notices;

/// <summary>
/// Notices published to the Service Bus topic end to end, through the local host and the local broker exactly as an
/// upload goes, read back with the real Azure.Messaging.ServiceBus client as a municipality's system reads them.
/// </summary>
public sealed class ServiceBusNoticeTests
{
    [Fact]
    public async Task SamplePeriod_EachMunicipalityReceivesItsOwnNotices_TheCommitteeItsAlertsAndOneDigest_AndARedeliveredNoticePublishesNothingNew()
    {
        // One digest for the burst holds while no pause between its uploads' recalculations outlasts the digest delay; on a
        // busy two-core machine 2 s (the deployment's default) is too short for that, so the burst gets 10 s here.
        await using var deployment = await TestDeployment.StartAsync(appSettings: new Dictionary<string, string> { ["Notifications__DigestDelay"] = "00:00:10" });
        await deployment.UploadSamplePeriodAsync();
        var (notices, published) = await SettledAsync(deployment);
        await using var client = new ServiceBusClient(deployment.ServiceBusConnectionString);
        var administration = new ServiceBusAdministrationClient(deployment.ServiceBusConnectionString);

        // Every municipality told of its schools has its message, and the counts are what was published.
        Assert.All(
            notices.Where(notice => notice.Kind == NoticeKind.Evaluated),
            notice => Assert.Contains(published, delivery => delivery.NoticeId == notice.NoticeId && delivery.RecipientId == notice.MunicipalityId.ToString()));
        var expected = published.GroupBy(delivery => NoticeSubscription.NameOf(delivery.RecipientId)).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(expected, await ActiveCountsAsync(administration));

        // A notice handed to Notify again publishes nothing: its delivery is recorded as sent.
        var again = notices.First(notice => notice.Kind == NoticeKind.Evaluated);
        await deployment.Storage.Queues.GetQueueClient(QueueNames.RiskNotifications).SendMessageAsync(
            MessageJson.Serialize(new NoticeMessage(again.NoticeId, again.MunicipalityId, SamplePeriod, NoticeBlobs.BlobName(SamplePeriod, again.MunicipalityId, again.NoticeId))),
            TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => deployment.Storage.PendingMessagesAsync(QueueNames.RiskNotifications, TestContext.Current.CancellationToken), pending => pending == 0, "the notice handled again");

        // And the topic drops a message id it has seen, the second guard.
        var seen = published.First(delivery => delivery.RecipientId == again.MunicipalityId.ToString());
        await using (var sender = client.CreateSender(Topic))
        {
            await sender.SendMessageAsync(
                new ServiceBusMessage("{}") { MessageId = seen.DeliveryId, ApplicationProperties = { [NoticeSubscription.RecipientProperty] = seen.RecipientId } },
                TestContext.Current.CancellationToken);
        }

        Assert.Equal(expected, await ActiveCountsAsync(administration));

        foreach (var municipality in SampleRegion.Municipalities.Select(municipality => municipality.Id))
        {
            var received = await ReceiveAllAsync(client, municipality);
            Assert.All(received, message => Assert.Equal((municipality, municipality), ((string)message.ApplicationProperties["recipient"], (string)message.ApplicationProperties["municipality"])));
            Assert.Equal(
                published.Where(delivery => delivery.RecipientId == municipality).Select(delivery => delivery.DeliveryId).Order(StringComparer.Ordinal),
                received.Select(message => message.MessageId).Order(StringComparer.Ordinal));
            Assert.All(received, message => Assert.False(string.IsNullOrWhiteSpace(JsonDocument.Parse(message.Body).RootElement.GetProperty("text").GetString())));
        }

        var committee = await ReceiveAllAsync(client, RecipientDirectory.Committee);
        Assert.Equal(
            published.Where(delivery => delivery.RecipientId == RecipientDirectory.Committee).Select(delivery => delivery.DeliveryId).Order(StringComparer.Ordinal),
            committee.Select(message => message.MessageId).Order(StringComparer.Ordinal));
        Assert.Single(committee, message => message.Subject == DeliveryPlan.DigestKind);
        Assert.Contains(committee, message => message.Subject == DeliveryPlan.CommitteeAlertKind);
        Assert.All(committee, message => Assert.Equal(RecipientDirectory.Committee, message.ApplicationProperties["recipient"]));
    }

    [Fact]
    public async Task AMunicipalityAddedToTheRegistry_GetsItsSubscription_BeforeAnyNotice_WithoutARedeploy()
    {
        await using var deployment = await TestDeployment.StartAsync();
        var administration = new ServiceBusAdministrationClient(deployment.ServiceBusConnectionString);
        await Poll.UntilAsync(
            () => SubscriptionsAsync(administration),
            names => SampleRegion.Municipalities.All(municipality => names.Contains(municipality.Id)) && names.Contains(RecipientDirectory.Committee),
            "every sample municipality's subscription and the committee's");
        Assert.DoesNotContain("novoladozhsky", await SubscriptionsAsync(administration));

        var registry = await File.ReadAllTextAsync(Path.Combine(TestDeployment.RepositoryRoot, "samples", "registry", "schools.csv"), TestContext.Current.CancellationToken);
        await using (var edited = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(registry.TrimEnd() + "\nnovoladozhsky-001,Новоладожская школа,novoladozhsky,secondary,urban,no,300\n")))
        {
            await new SchoolRegistryBlob(deployment.Storage).UploadAsync(edited, TestContext.Current.CancellationToken);
        }

        await Poll.UntilAsync(() => SubscriptionsAsync(administration), names => names.Contains("novoladozhsky"), "the new municipality's subscription");
    }

    [Fact]
    public async Task ANoticeAndADigestTooLargeForAMessage_ArePublishedWithAReadOnlyLinkToTheirBlobs_AndTheLinksGiveTheWholeOfEach()
    {
        const int Schools = 1500;
        await using var deployment = await TestDeployment.StartAsync(TestDeployment.RegistryOfOne("kirishsky", Schools));
        var upload = new System.Text.StringBuilder("school_id,ege_below_min_share\n");
        for (var n = 1; n <= Schools; n++)
        {
            upload.Append(System.Globalization.CultureInfo.InvariantCulture, $"kirishsky-{n:00000},15\n");
        }

        await deployment.UploadAsync($"{SampleRegion.Period}/kirishsky/schools.csv", upload.ToString());
        await Poll.UntilAsync(
            () => PublishedAsync(new DeliveryTable(deployment.Storage, TimeProvider.System), DeliveryStatus.Sent),
            sent => sent.Any(delivery => delivery.RecipientId == "kirishsky"), "the municipality's notice published", TimeSpan.FromMinutes(3));
        await using var client = new ServiceBusClient(deployment.ServiceBusConnectionString);

        var message = Assert.Single(await ReceiveAllAsync(client, "kirishsky"));
        using var body = JsonDocument.Parse(message.Body);
        var dataUrl = new Uri(body.RootElement.GetProperty("dataUrl").GetString()!);
        using var http = new HttpClient();
        using var notice = JsonDocument.Parse(await http.GetStringAsync(dataUrl, TestContext.Current.CancellationToken));

        Assert.True(message.Body.ToMemory().Length <= NoticeTopic.MaxBodyBytes, $"{message.Body.ToMemory().Length} bytes");
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("data").ValueKind);
        Assert.True(body.RootElement.GetProperty("dataUrlExpiresOn").GetDateTimeOffset() > TimeProvider.System.GetUtcNow().AddDays(6));
        Assert.Contains("полностью оно в письме и по ссылке dataUrl", body.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(Schools, notice.RootElement.GetProperty("schools").GetArrayLength());
        Assert.Equal((Schools, 0), ((int)message.ApplicationProperties["highZoneSchools"], (int)message.ApplicationProperties["mediumZoneSchools"]));

        // The digest lists the 1,500 schools new to the high zone: too large as well, it links its own blob.
        await Poll.UntilAsync(
            () => PublishedAsync(new DeliveryTable(deployment.Storage, TimeProvider.System), DeliveryStatus.Sent),
            sent => sent.Any(delivery => delivery.Kind == DeliveryPlan.DigestKind), "the digest published", TimeSpan.FromMinutes(3));
        var digestMessage = Assert.Single(await ReceiveAllAsync(client, RecipientDirectory.Committee), received => received.Subject == DeliveryPlan.DigestKind);
        using var digestBody = JsonDocument.Parse(digestMessage.Body);
        using var digest = JsonDocument.Parse(await http.GetStringAsync(new Uri(digestBody.RootElement.GetProperty("dataUrl").GetString()!), TestContext.Current.CancellationToken));

        Assert.True(digestMessage.Body.ToMemory().Length <= NoticeTopic.MaxBodyBytes, $"{digestMessage.Body.ToMemory().Length} bytes");
        Assert.Equal(Schools, digest.RootElement.GetProperty("newHigh").GetArrayLength());
    }
}
