using System.Data.Common;
using Microsoft.Extensions.Logging;
using SchoolRisk.Cli;
using SchoolRisk.Domain.Periods;
using SchoolRisk.LocalHost.Logging;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Operations;

/// <summary>
/// The function app's logs, as the Functions host receives them (one JSON object a line): every decision on an upload and its
/// notice carries the upload id, the municipality and the rule set version, so a letter can be traced back to the data
/// and the rule; and no line of the app or the host carries the storage account key.
/// </summary>
public sealed class DecisionLogTests : IAsyncLifetime
{
    private const string Municipality = "volosovsky";
    private static readonly Period Period = Period.Parse("2023-2024");
    private readonly LogCapture _capture = new();
    private ILoggerFactory? _loggers;
    private LocalDeployment? _deployment;

    private LocalDeployment Deployment => _deployment!;

    /// <summary>The function app's own lines with their fields: its JSON console lines, which the local host forwards field by field.</summary>
    private IReadOnlyList<LogEntry> AppLines() => [.. _capture.Entries.Where(entry => entry.Category == WorkerConsoleLog.Category)];

    public async ValueTask InitializeAsync()
    {
        _loggers = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Information).AddProvider(_capture));
        _deployment = await TestDeployment.StartAsync(logs: _loggers);
    }

    public async ValueTask DisposeAsync()
    {
        if (_deployment is not null)
        {
            await _deployment.DisposeAsync();
        }

        _loggers?.Dispose();
    }

    [Fact]
    public async Task EveryDecisionOnAnUploadAndItsNotice_CarriesUploadMunicipalityAndRuleVersion_AndNoLineCarriesTheAccountKey()
    {
        await Deployment.UploadAsync($"{Period}/{Municipality}/schools.csv", $"school_id,ege_below_min_share\n{Municipality}-001,12\n{Municipality}-002,3\n");
        var notice = await Poll.UntilAsync(
            async () => await new NotificationTable(Deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
                .FirstOrDefaultAsync(n => n.MunicipalityId.ToString() == Municipality && n.Status == NoticeStatus.Delivered, TestContext.Current.CancellationToken),
            found => found is not null, "the upload's notice delivered", TimeSpan.FromMinutes(2));
        var lines = await Poll.UntilAsync(
            () => Task.FromResult(AppLines()),
            found => found.Any(line => line.Message.Contains("sent to", StringComparison.Ordinal) && line.Fields.GetValueOrDefault("NoticeId") == notice!.NoticeId),
            "the delivery's log line");

        var evaluated = Assert.Single(lines, line => line.Message.Contains("evaluated by rule set", StringComparison.Ordinal));
        Assert.Equal((notice!.UploadId, Municipality, notice.RuleSetVersion?.ToString()), (evaluated.Fields["UploadId"], evaluated.Fields["MunicipalityId"], evaluated.Fields["RuleSetVersion"]));
        Assert.All(
            lines.Where(line => line.Fields.GetValueOrDefault("NoticeId") == notice.NoticeId),
            line => Assert.Equal((notice.UploadId, Municipality, notice.RuleSetVersion?.ToString()), (line.Fields["UploadId"], line.Fields["MunicipalityId"], line.Fields["RuleSetVersion"])));
        var key = (string)new DbConnectionStringBuilder { ConnectionString = Deployment.ConnectionString }["AccountKey"];
        Assert.DoesNotContain(_capture.Entries, entry => $"{entry.Message} {entry.Exception} {string.Join(' ', entry.Fields.Values)}".Contains(key, StringComparison.Ordinal));
    }
}
