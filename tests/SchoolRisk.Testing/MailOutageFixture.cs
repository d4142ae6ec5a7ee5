using SchoolRisk.Application.Messaging;
using SchoolRisk.Cli;
using SchoolRisk.Domain.Periods;
using SchoolRisk.LocalHost.MailDev;
using SchoolRisk.LocalHost.NodeTools;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Notifications;

namespace SchoolRisk.Testing;

/// <summary>
/// A deployment whose mail relay is down (the app's SMTP port has nobody listening) and retries quickly, so that a
/// notice ends in <c>risk-notifications-poison</c> within half a minute (the queue's five deliveries, 5 s apart);
/// <see cref="StartMailAsync"/> brings the relay up on that port, as when the mail server comes back.
/// </summary>
public sealed class MailOutageFixture : IAsyncLifetime
{
    private readonly int _smtpPort = LoopbackPorts.Free(1)[0];
    private LocalDeployment? _deployment;

    public LocalDeployment Deployment => _deployment ?? throw new InvalidOperationException("The deployment is not started.");

    /// <summary>The relay on the app's SMTP port, once <see cref="StartMailAsync"/> started it.</summary>
    public MailDevServer? Mail { get; private set; }

    public async ValueTask InitializeAsync() => _deployment = await TestDeployment.StartAsync(appSettings: new Dictionary<string, string>
    {
        ["Notifications__SmtpPort"] = $"{_smtpPort}",
        ["Notifications__Attempts"] = "1",
        ["Notifications__RetryDelay"] = "00:00:00.100",
    });

    /// <summary>Starts the mail relay on the app's SMTP port (once).</summary>
    public async Task<MailDevServer> StartMailAsync() =>
        Mail ??= await MailDevServer.StartAsync(TestDeployment.RepositoryRoot, _smtpPort, TestContext.Current.CancellationToken);

    /// <summary>
    /// Uploads a file of <paramref name="municipality"/> for <paramref name="period"/> and waits until its notice, which
    /// the relay being down keeps failing, waits in <c>risk-notifications-poison</c>; returns the notice.
    /// </summary>
    public async Task<RecordedNotice> PoisonANoticeAsync(string municipality, Period period)
    {
        await Deployment.UploadAsync($"{period}/{municipality}/schools.csv", $"school_id,ege_below_min_share\n{municipality}-001,15\n");
        var notice = (await Poll.UntilAsync(
            () => new NotificationTable(Deployment.Storage, TimeProvider.System).ListAsync(period, TestContext.Current.CancellationToken)
                .Where(n => n.MunicipalityId.ToString() == municipality).ToListAsync(TestContext.Current.CancellationToken).AsTask(),
            notices => notices.Count == 1 && notices[0].Status == NoticeStatus.Retrying, $"{municipality}'s notice failing on the relay that is down")).Single();
        await Poll.UntilAsync(
            () => new PoisonMessages(Deployment.Storage, QueueNames.RiskNotifications).PeekAsync(cancellationToken: TestContext.Current.CancellationToken),
            messages => messages.Any(m => m.Text.Contains(notice.NoticeId, StringComparison.Ordinal)), $"{municipality}'s notice in risk-notifications-poison", TimeSpan.FromMinutes(2));
        return notice;
    }

    public async ValueTask DisposeAsync()
    {
        if (Mail is not null)
        {
            await Mail.DisposeAsync();
        }

        if (_deployment is not null)
        {
            await _deployment.DisposeAsync();
        }
    }
}
