using SchoolRisk.Application.Messaging;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;
using SchoolRisk.LocalHost.MailDev;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Rules;
using SchoolRisk.Testing;

namespace SchoolRisk.Functions.Tests.Rules;

/// <summary>
/// Re-notification follows the zones, not the version: rule sets A → B → A → B, each edited in the <c>rules</c>
/// container asking to re-evaluate the period, move a school's zone each time, and each move is one letter to its
/// municipality saying from which version to which, the rollback and the second B included (their letters were sent for
/// the same version before).
/// </summary>
public sealed class RulesChangedNoticeTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    private const string Address = "volosovsky@edu.example.ru";
    private static readonly Period Period = Period.Parse("2023-2024");

    [Fact]
    public async Task ActivationsABAB_WithReevaluation_EachZoneMoveIsOneLetter_SayingFromWhichVersionToWhich()
    {
        var store = new RuleStore(fixture.Deployment.Storage, TimeProvider.System);
        var a = await RuleFiles.ReadDirectoryAsync(TestRules.Folder, TestContext.Current.CancellationToken);
        var b = await TestRules.EgeHighFromAsync(7.2m);
        var (versionA, versionB) = (RuleSet.VersionOf(a), RuleSet.VersionOf(b));
        Assert.Equal(versionA, (await store.ActiveAsync(TestContext.Current.CancellationToken))!.Version);
        await fixture.Deployment.UploadAsync("2023-2024/volosovsky/schools.csv", "school_id,ege_below_min_share\nvolosovsky-001,7.5\nvolosovsky-002,3\n");
        await Poll.UntilAsync(() => ZoneAsync(), zone => zone is not null, "volosovsky's results");
        await Poll.UntilAsync(
            () => fixture.Deployment.Storage.PendingMessagesAsync(QueueNames.PeriodRecalculations, TestContext.Current.CancellationToken), pending => pending == 0, "the upload's recalculation");

        (IReadOnlyList<RuleFile> Files, RuleSetVersion Version, RuleSetVersion From, Zone Zone)[] steps = [(b, versionB, versionA, Zone.High), (a, versionA, versionB, Zone.None), (b, versionB, versionA, Zone.High)];
        var letters = new List<ReceivedMail>();
        foreach (var (files, version, from, zone) in steps)
        {
            await store.WriteEditableAsync(files, new RuleChange("Аналитик", $"к версии {version}", "container", Period.ToString()), TestContext.Current.CancellationToken);
            await Poll.UntilAsync(() => ZoneAsync(), stored => stored == (zone, version), $"volosovsky-001 re-evaluated by {version}");
            var sent = await Poll.UntilAsync(RulesLettersAsync, all => all.Count == letters.Count + 1, $"the letter of the move to {version}");
            letters.Add(sent[^1]);
            Assert.Contains($"комитет сменил правила оценки с версии {from} на версию {version}", sent[^1].Text, StringComparison.Ordinal);
            if (zone == Zone.High)
            {
                // The school now in the high zone by its ЕГЭ result: the recommendation rules' measure for it, with the reason.
                Assert.Contains("Адресные рекомендации", sent[^1].Text, StringComparison.Ordinal);
                Assert.Contains("школе: Организовать адресную подготовку", sent[^1].Text, StringComparison.Ordinal);
            }
        }

        var notices = await new NotificationTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
            .Where(notice => notice.MunicipalityId.ToString() == "volosovsky" && notice.Kind == NoticeKind.RulesChanged).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(3, notices.Select(notice => notice.NoticeId).Distinct().Count());
        Assert.Equal(new[] { versionA, versionB, versionB }.Select(version => version.ToString()).Order(StringComparer.Ordinal), notices.Select(notice => notice.RuleSetVersion!.Value.ToString()).Order(StringComparer.Ordinal));
        // Nothing left to deliver or re-evaluate, and still one letter per move: no late duplicate.
        foreach (var queue in new[] { QueueNames.PeriodRecalculations, QueueNames.RiskNotifications })
        {
            await Poll.UntilAsync(() => fixture.Deployment.Storage.PendingMessagesAsync(queue, TestContext.Current.CancellationToken), pending => pending == 0, $"{queue} drained");
        }

        Assert.Equal(3, (await RulesLettersAsync()).Count);
    }

    private async Task<(Zone, RuleSetVersion)?> ZoneAsync() =>
        await new ResultTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(Period, MunicipalityId.Parse("volosovsky"), TestContext.Current.CancellationToken)
            .Where(result => result.SchoolId == SchoolId.Parse("volosovsky-001")).Select(result => ((Zone, RuleSetVersion)?)(result.OverallZone, result.RuleSetVersion))
            .FirstOrDefaultAsync(TestContext.Current.CancellationToken);

    private async Task<List<ReceivedMail>> RulesLettersAsync() =>
        [.. (await fixture.Deployment.Mail.ListAsync(TestContext.Current.CancellationToken))
            .Where(letter => letter.To.Contains(Address) && letter.Subject.Contains("изменились правила оценки", StringComparison.Ordinal))];
}
