using Azure.Identity;
using SchoolRisk.Application.Digest;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Notes;
using SchoolRisk.Application.Notices;
using SchoolRisk.Application.Recalculation;
using SchoolRisk.Application.Registry;
using SchoolRisk.Application.Rules;
using SchoolRisk.Application.Uploads;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Functions.Digest;
using SchoolRisk.Functions.Ingest;
using SchoolRisk.Functions.Notify;
using SchoolRisk.Functions.Recalculate;
using SchoolRisk.Functions.Registry;
using SchoolRisk.Functions.Rules;
using SchoolRisk.Functions.Site;
using SchoolRisk.Functions.Views;
using SchoolRisk.Functions.WriteNotes;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Rubrics;
using SchoolRisk.Storage.Rules;
using SchoolRisk.Storage.Uploads;

namespace SchoolRisk.Functions;

/// <summary>
/// Builds the custom handler. Settings (environment, command line or <c>appsettings.json</c>):
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> (set by the Functions host; 0 picks a free port),
/// <c>AzureWebJobsStorage</c> (the storage account's connection string) or <c>AzureWebJobsStorage:accountName</c> (an
/// identity-based connection with the app's managed identity, <c>AzureWebJobsStorage:clientId</c> for a user-assigned
/// one), <c>Rules:Directory</c> (the default rule files, activated on the
/// first start; default <c>rules</c>), <c>Rules:CheckSeconds</c> (how long a read of the active rule set version is trusted; default 0: every invocation checks),
/// <c>Uploads:MaxFileBytes</c>, <c>Uploads:MaxRows</c> and the other <see cref="UploadLimits"/>,
/// <c>Notifications:SmtpHost</c>, <c>Notifications:SmtpPort</c> and the other <see cref="DeliveryOptions"/>
/// (<c>WEBSITE_HOSTNAME</c>, set by Azure, names the page letters link).
/// Logs are one JSON object a line on standard output, which the Functions host forwards to its own logs (and
/// Application Insights), each with the scope of the decision it records: <c>UploadId</c>, <c>MunicipalityId</c>,
/// <c>Period</c>, <c>RuleSetVersion</c>, and <c>NoticeId</c> for a notice.
/// </summary>
public static class FunctionApp
{
    public static async Task<WebApplication> BuildAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders().AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        var port = builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"] ?? "8080";
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");

        // The host takes request bodies up to 100 MB and sends each inside an invocation's JSON, escaped: up to twice as long.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 256 * 1024 * 1024);

        var storage = new StorageOptions
        {
            ConnectionString = builder.Configuration["AzureWebJobsStorage"] ?? new StorageOptions().ConnectionString,
            AccountName = builder.Configuration["AzureWebJobsStorage:accountName"],
        };
        if (storage.AccountName is not null)
        {
            // Identity-based, as the Functions host reads AzureWebJobsStorage__accountName: the app's managed identity
            // (system-assigned, or the user-assigned one named by AzureWebJobsStorage__clientId).
            storage.Credential = new ManagedIdentityCredential(builder.Configuration["AzureWebJobsStorage:clientId"] is { } clientId
                ? ManagedIdentityId.FromUserAssignedClientId(clientId)
                : ManagedIdentityId.SystemAssigned);
        }
        var account = new StorageAccount(storage);
        await account.EnsureCreatedAsync(cancellationToken);

        var rulesDirectory = builder.Configuration["Rules:Directory"] ?? "rules";
        var ruleStore = new RuleStore(account, TimeProvider.System);
        var seeded = await RuleActivationWorkflow.SeedAsync(ruleStore, await RuleFiles.ReadDirectoryAsync(rulesDirectory, cancellationToken), cancellationToken);
        if (seeded.Outcome == RuleActivationOutcome.Rejected)
        {
            throw new RuleSetException($"The default rules in {Path.GetFullPath(rulesDirectory)} fail validation: {string.Join(" | ", seeded.Problems)}");
        }

        builder.Services
            .AddSingleton(TimeProvider.System)
            .AddSingleton(account)
            .AddSingleton(ruleStore)
            .AddSingleton(services => new RuleSetProvider(ruleStore, TimeProvider.System, services.GetRequiredService<ILogger<RuleSetProvider>>())
            {
                CheckInterval = TimeSpan.FromSeconds(builder.Configuration.GetValue("Rules:CheckSeconds", 0.0)),
            })
            .AddSingleton(builder.Configuration.GetSection("Uploads").Get<UploadLimits>() ?? UploadLimits.Default)
            .AddSingleton<UploadBlobStore>()
            .AddSingleton<RegistryStore>()
            .AddSingleton<ReportStore>()
            .AddSingleton<UploadStatusTable>()
            .AddSingleton<ResultTable>()
            .AddSingleton<RegionSnapshotStore>()
            .AddSingleton<MunicipalityTable>()
            .AddSingleton<RubricTable>()
            .AddSingleton<NotificationTable>()
            .AddSingleton(DeliveryOptionsOf(builder.Configuration))
            .AddSingleton<RecipientStore>()
            .AddSingleton<DeliveryTable>()
            .AddSingleton(new DigestSchedule(account, QueueNames.DigestRequests))
            .AddSingleton<IDeliverySender, MailSender>()
            .AddSingleton<IDeliverySender>(services => new WebhookSender(
                WebhookSender.CreateHttpClient(services.GetRequiredService<DeliveryOptions>().Timeout), TimeProvider.System))
            .AddSingleton<ReportReadLinks>()
            .AddSingleton<NoticeDeliverer>()
            .AddSingleton<NoticeStore>()
            .AddSingleton<RecalculationLock>()
            .AddSingleton<PeriodEvaluator>()
            .AddSingleton<RulePreview>()
            .AddSingleton<RuleCandidateCheck>()
            .AddSingleton<RuleActivationWorkflow>()
            .AddSingleton<RegionalRecalculation>()
            .AddSingleton<DigestScheduler>()
            // The application services the doors call, one each.
            .AddSingleton<UploadProcessor>()
            .AddSingleton<NoticeNotifier>()
            .AddSingleton<DigestNotifier>()
            .AddSingleton<PeriodRecalculation>()
            .AddSingleton<AnalyticalNoteWriter>()
            .AddSingleton<RulesContainerActivation>()
            .AddSingleton<RegistryFileCheck>()
            .AddSingleton<RulePreviewHandler>()
            .AddSingleton<RiskMapQuery>()
            .AddSingleton<MunicipalitySchoolsQuery>()
            .AddSingleton<SchoolHistoryQuery>()
            .AddSingleton<RankingQuery>()
            .AddSingleton<RuleVersionsQuery>()
            .AddSingleton<NoteQuery>();

        var app = builder.Build();
        var ruleSet = await app.Services.GetRequiredService<RuleSetProvider>().RefreshAsync(cancellationToken);
        app.Logger.LogInformation("Rule set {RuleSetVersion} active ({Seeded})", ruleSet.Version, seeded.Outcome == RuleActivationOutcome.Activated ? $"seeded from {Path.GetFullPath(rulesDirectory)}" : "from the rules container");
        app.MapIngest();
        app.MapNotify();
        app.MapDigest();
        app.MapRecalculate();
        app.MapWriteNotes();
        app.MapRulesChanged();
        app.MapRegistryChanged();
        app.MapPreviewRules();
        app.MapRiskMap();
        app.MapMunicipalitySchools();
        app.MapSchoolHistory();
        app.MapRanking();
        app.MapRuleVersions();
        app.MapNotes();
        app.MapSite();
        return app;
    }

    /// <summary>The <c>Notifications</c> section, validated; the page letters link defaults to the app's own host in Azure (<c>WEBSITE_HOSTNAME</c>).</summary>
    private static DeliveryOptions DeliveryOptionsOf(ConfigurationManager configuration)
    {
        var options = configuration.GetSection("Notifications").Get<DeliveryOptions>() ?? new DeliveryOptions();
        if (options.SiteUrl is null && configuration["WEBSITE_HOSTNAME"] is { Length: > 0 } host)
        {
            options.SiteUrl = new Uri($"https://{host}/api/site/");
        }

        return options.Validated();
    }
}
