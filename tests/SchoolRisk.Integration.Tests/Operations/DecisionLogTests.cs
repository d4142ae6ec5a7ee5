using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SchoolRisk.Cli;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Integration.Tests.Support;
using SchoolRisk.Storage.Notifications;

namespace SchoolRisk.Integration.Tests.Operations;

/// <summary>
/// The handler's logs, as the Functions host receives them (one JSON object a line): every decision on an upload and its
/// notice carries the upload id, the municipality and the rule set version, so a letter can be traced back to the data
/// and the rule; and no line of the handler or the host carries the storage account key.
/// </summary>
public sealed class DecisionLogTests : IAsyncLifetime
{
    private const string Municipality = "volosovsky";
    private static readonly Period Period = Period.Parse("2023-2024");
    private readonly LogCapture _capture = new();
    private ILoggerFactory? _loggers;
    private LocalDeployment? _deployment;

    private LocalDeployment Deployment => _deployment!;

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
                .FirstOrDefaultAsync(n => n.MunicipalityId == Municipality && n.Status == NoticeStatus.Delivered, TestContext.Current.CancellationToken),
            found => found is not null, "the upload's notice delivered", TimeSpan.FromMinutes(2));
        var lines = await Poll.UntilAsync(
            () => Task.FromResult(_capture.HandlerLines()),
            found => found.Any(line => line.Message.Contains("sent to", StringComparison.Ordinal) && line.Fields.GetValueOrDefault("NoticeId") == notice!.NoticeId),
            "the delivery's log line");

        var evaluated = Assert.Single(lines, line => line.Message.Contains("evaluated by rule set", StringComparison.Ordinal));
        Assert.Equal((notice!.UploadId, Municipality, notice.RuleSetVersion), (evaluated.Fields["UploadId"], evaluated.Fields["MunicipalityId"], evaluated.Fields["RuleSetVersion"]));
        Assert.All(
            lines.Where(line => line.Fields.GetValueOrDefault("NoticeId") == notice.NoticeId),
            line => Assert.Equal((notice.UploadId, Municipality, notice.RuleSetVersion), (line.Fields["UploadId"], line.Fields["MunicipalityId"], line.Fields["RuleSetVersion"])));
        var key = (string)new DbConnectionStringBuilder { ConnectionString = Deployment.ConnectionString }["AccountKey"];
        Assert.DoesNotContain(_capture.All(), line => line.Contains(key, StringComparison.Ordinal));
    }

    /// <summary>One line of the handler's JSON log: the message, and the fields of its state and scopes.</summary>
    private sealed record HandlerLine(string Message, IReadOnlyDictionary<string, string> Fields);

    /// <summary>Keeps every log line of the local host, the handler's among them ("handler: {json}").</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        private const string HandlerPrefix = "handler: ";
        private readonly ConcurrentQueue<string> _lines = new();

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public IReadOnlyList<string> All() => [.. _lines];

        public IReadOnlyList<HandlerLine> HandlerLines() =>
            [.. _lines.Where(line => line.StartsWith(HandlerPrefix + "{", StringComparison.Ordinal)).Select(line => Parse(line[HandlerPrefix.Length..]))];

        public void Dispose()
        {
        }

        private static HandlerLine Parse(string json)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            var objects = root.TryGetProperty("Scopes", out var scopes) ? scopes.EnumerateArray().Where(scope => scope.ValueKind == JsonValueKind.Object).ToList() : [];
            if (root.TryGetProperty("State", out var state))
            {
                objects.Add(state);
            }

            foreach (var property in objects.SelectMany(item => item.EnumerateObject()).Where(property => property.Value.ValueKind == JsonValueKind.String))
            {
                fields[property.Name] = property.Value.GetString()!;
            }

            return new HandlerLine(root.GetProperty("Message").GetString() ?? string.Empty, fields);
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
        }
    }
}
