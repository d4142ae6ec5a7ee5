using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Cli;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Rules;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Faults;

/// <summary>
/// A rule change asks for the period to be re-evaluated, and the function app is killed while the recalculation rewrites
/// a large municipality, as a crash would. The Functions host starts it again and retries: every school ends under the
/// new rules, and the municipality gets one rules-changed notice that lists every school the rules moved (those
/// rewritten before the crash too), in one letter.
/// </summary>
public sealed class RuleActivationCrashTests : IAsyncLifetime
{
    private const int Schools = 10_000;
    private const int MovedEvery = 50;
    private const string Municipality = "gatchinsky";
    private static readonly Period Period = Period.Parse("2023-2024");
    private LocalDeployment? _deployment;

    private LocalDeployment Deployment => _deployment!;

    public async ValueTask InitializeAsync() => _deployment = await TestDeployment.StartAsync(TestDeployment.RegistryOfOne(Municipality, Schools));

    public async ValueTask DisposeAsync()
    {
        if (_deployment is not null)
        {
            await _deployment.DisposeAsync();
        }
    }

    [Fact]
    public async Task WorkerKilledWhileTheReevaluationRewritesResults_TheRetryCompletesIt_AndOneNoticeListsEverySchoolTheRulesMoved()
    {
        // Every 50th school has 7.5% below the ЕГЭ minimum: not high risk under the default threshold of 10%, high from 7.2%.
        var csv = new StringBuilder("school_id,ege_below_min_share\n");
        for (var n = 1; n <= Schools; n++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Municipality}-{n:00000},{(n % MovedEvery == 0 ? "7.5" : "1")}\n");
        }

        await Deployment.UploadAsync($"{Period}/{Municipality}/schools.csv", csv.ToString());
        await Poll.UntilAsync(
            async () => (await new UploadStatusTable(Deployment.Storage).ListAsync(Period, MunicipalityId.Parse(Municipality), TestContext.Current.CancellationToken)
                .ToListAsync(TestContext.Current.CancellationToken)).SingleOrDefault()?.Status,
            status => status == UploadStatus.Completed, "the upload to complete", TimeSpan.FromMinutes(2));
        await Poll.UntilAsync(
            () => Deployment.Storage.PendingMessagesAsync(QueueNames.PeriodRecalculations, TestContext.Current.CancellationToken),
            pending => pending == 0, "the upload's recalculation", TimeSpan.FromMinutes(2));
        var rules = new RuleStore(Deployment.Storage, TimeProvider.System);
        var before = (await rules.ActiveAsync(TestContext.Current.CancellationToken))!.Version;

        await rules.WriteEditableAsync(
            await TestRules.EgeHighFromAsync(7.2m), new RuleChange("Аналитик", "ЕГЭ: высокий риск от 7,2%", "container", Period.ToString()), TestContext.Current.CancellationToken);
        // Activation first tries the candidate on the period's stored data (10,000 schools), so it gets the same time as the rest.
        var active = await Poll.UntilAsync(
            async () => (await rules.ActiveAsync(TestContext.Current.CancellationToken))!.Version, version => version != before, "the edit to be activated", TimeSpan.FromMinutes(2));
        await Poll.UntilAsync(() => RowsUnderAsync(active, firstOnly: true), rows => rows > 0, "the first results rewritten under the new rules", TimeSpan.FromMinutes(2));
        Deployment.Worker.Kill();
        var atCrash = await RowsUnderAsync(active, firstOnly: false);

        Assert.InRange(atCrash, 1, Schools - 1);
        await Poll.UntilAsync(() => RowsUnderAsync(active, firstOnly: false), rows => rows == Schools, "every result under the new rules", TimeSpan.FromMinutes(3));
        var notices = await Poll.UntilAsync(
            () => new NotificationTable(Deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
                .Where(notice => notice.Kind == NoticeKind.RulesChanged).ToListAsync(TestContext.Current.CancellationToken).AsTask(),
            found => found.Count > 0 && found.All(notice => notice.Status == NoticeStatus.Delivered), "the rules-changed notice delivered", TimeSpan.FromMinutes(2));
        await Poll.UntilAsync(
            () => Deployment.Storage.PendingMessagesAsync(QueueNames.RiskNotifications, TestContext.Current.CancellationToken),
            pending => pending == 0, "every notice handled");

        Assert.True(Deployment.Worker.Restarts >= 1);
        var notice = Assert.Single(notices);
        Assert.Equal((Municipality, active, Schools / MovedEvery), (notice.MunicipalityId.ToString(), notice.RuleSetVersion, notice.HighCount));
        Assert.Single(
            await Deployment.Mail.ListAsync(TestContext.Current.CancellationToken),
            letter => letter.To.Contains($"{Municipality}@edu.example.ru") && letter.MessageId?.Contains("_rules_", StringComparison.Ordinal) == true);
    }

    private async Task<int> RowsUnderAsync(RuleSetVersion version, bool firstOnly)
    {
        var rows = Deployment.Storage.Tables.GetTableClient(Deployment.Storage.Options.ResultsTable)
            .QueryAsync<TableEntity>($"RuleSetVersion eq '{version}'", maxPerPage: firstOnly ? 1 : 1000, select: ["RowKey"], cancellationToken: TestContext.Current.CancellationToken);
        return firstOnly
            ? (await rows.AnyAsync(TestContext.Current.CancellationToken) ? 1 : 0)
            : await rows.CountAsync(TestContext.Current.CancellationToken);
    }
}
