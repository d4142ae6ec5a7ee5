using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Functions.Ingest;
using SchoolRisk.Functions.Notify;
using SchoolRisk.Functions.Recalculate;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Rubrics;
using SchoolRisk.Storage.Uploads;

namespace SchoolRisk.Functions;

/// <summary>
/// Builds the custom handler. Settings (environment, command line or <c>appsettings.json</c>):
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> (set by the Functions host; 0 picks a free port),
/// <c>AzureWebJobsStorage</c> (the storage account), <c>Rules:Directory</c> (rule files; default <c>rules</c>),
/// <c>Uploads:MaxFileBytes</c>, <c>Uploads:MaxRows</c> and the other <see cref="UploadLimits"/>.
/// </summary>
public static class FunctionApp
{
    public static async Task<WebApplication> BuildAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var port = builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"] ?? "8080";
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");

        var storage = new StorageOptions
        {
            ConnectionString = builder.Configuration["AzureWebJobsStorage"] ?? new StorageOptions().ConnectionString,
        };
        var account = new StorageAccount(storage);
        await account.EnsureCreatedAsync(cancellationToken);

        var rulesDirectory = builder.Configuration["Rules:Directory"] ?? "rules";
        var ruleSet = await RuleSet.LoadAsync(await RuleFiles.ReadDirectoryAsync(rulesDirectory, cancellationToken), cancellationToken);

        builder.Services
            .AddSingleton(TimeProvider.System)
            .AddSingleton(account)
            .AddSingleton(new SchoolEvaluator(ruleSet, OverallZonePolicy.Default))
            .AddSingleton(new SchoolClassifier(ruleSet, OverallZonePolicy.Default))
            .AddSingleton(builder.Configuration.GetSection("Uploads").Get<UploadLimits>() ?? UploadLimits.Default)
            .AddSingleton<UploadBlobStore>()
            .AddSingleton<RegistryStore>()
            .AddSingleton<ReportStore>()
            .AddSingleton<UploadStatusTable>()
            .AddSingleton<ResultTable>()
            .AddSingleton<MunicipalityTable>()
            .AddSingleton<RubricTable>()
            .AddSingleton<NotificationTable>()
            .AddSingleton<NoticeStore>()
            .AddSingleton<UploadProcessor>()
            .AddSingleton<RegionalRecalculation>();

        var app = builder.Build();
        app.Logger.LogInformation("Rule set {RuleSetVersion} loaded from {RulesDirectory}", ruleSet.Version, Path.GetFullPath(rulesDirectory));
        app.MapIngest();
        app.MapNotify();
        app.MapRecalculate();
        return app;
    }
}
