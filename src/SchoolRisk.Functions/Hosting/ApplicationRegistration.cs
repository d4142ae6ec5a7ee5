using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolRisk.Application.Digest;
using SchoolRisk.Application.Federal;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Notes;
using SchoolRisk.Application.Notices;
using SchoolRisk.Application.Recalculation;
using SchoolRisk.Application.Registry;
using SchoolRisk.Application.Rules;
using SchoolRisk.Application.Support;
using SchoolRisk.Application.Uploads;
using SchoolRisk.Application.Views;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Federal;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Rubrics;
using SchoolRisk.Storage.Rules;
using SchoolRisk.Storage.ServiceBus;
using SchoolRisk.Storage.Support;
using SchoolRisk.Storage.Uploads;

namespace SchoolRisk.Functions.Hosting;

/// <summary>The storage account and the application layer the functions call, all singletons (each is thread-safe).</summary>
public static class ApplicationRegistration
{
    /// <summary>
    /// The storage account from <c>AzureWebJobsStorage</c> (<see cref="StorageRegistration.AddStorageAccount"/>) and its
    /// stores and tables, and the Service Bus topic of notices when a <c>ServiceBus</c> connection is configured
    /// (<see cref="ServiceBusRegistration"/>).
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services
            .AddSingleton(TimeProvider.System)
            .AddStorageAccount(builder.Configuration)
            .AddSingleton<RuleStore>()
            .AddSingleton<UploadBlobs>()
            .AddSingleton<SchoolRegistryBlob>()
            .AddSingleton<FederalFileBlobs>()
            .AddSingleton<FederalListTable>()
            .AddSingleton<ReportBlobs>()
            .AddSingleton<UploadStatusTable>()
            .AddSingleton<ResultTable>()
            .AddSingleton<RegionSnapshotBlobs>()
            .AddSingleton<MunicipalityTable>()
            .AddSingleton<RubricTable>()
            .AddSingleton<NotificationTable>()
            .AddSingleton<RecipientListBlob>()
            .AddSingleton<DeliveryTable>()
            .AddSingleton(services => new DigestSchedule(services.GetRequiredService<StorageAccount>(), QueueNames.DigestRequests))
            .AddSingleton<ReportReadLinks>()
            .AddSingleton<UploadLinks>()
            .AddSingleton<NoticeBlobs>()
            .AddSingleton<RecalculationLock>()
            .AddSingleton<UploadLock>()
            .AddSingleton<SupportDecisionTable>()
            .AddSingleton<SupportAuditTable>();
        if (ServiceBusRegistration.IsConfigured(builder.Configuration))
        {
            builder.Services.AddNoticeTopic(builder.Configuration);
        }

        return builder;
    }

    /// <summary>The workflows (<c>SchoolRisk.Application</c>): the one service each function calls, and what they are built of.</summary>
    public static IHostApplicationBuilder AddApplication(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services
            .AddSingleton(services => new RuleSetProvider(
                services.GetRequiredService<RuleStore>(), services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<RuleSetProvider>>())
            {
                CheckInterval = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<RuleOptions>>().Value.CheckSeconds),
            })
            .AddSingleton<IDeliverySender, MailSender>()
            .AddSingleton<IDeliverySender>(services => new WebhookSender(
                WebhookSender.CreateHttpClient(services.GetRequiredService<DeliveryOptions>().Timeout), services.GetRequiredService<TimeProvider>()))
            .AddSingleton<NoticeDeliverer>()
            .AddSingleton<PeriodEvaluator>()
            .AddSingleton<RulePreview>()
            .AddSingleton<RuleCandidateCheck>()
            .AddSingleton<RuleActivationWorkflow>()
            .AddSingleton<RegionalRecalculation>()
            .AddSingleton<DigestScheduler>()
            .AddSingleton<UploadProcessor>()
            .AddSingleton<NoticeNotifier>()
            .AddSingleton<DigestNotifier>()
            .AddSingleton<PeriodRecalculation>()
            .AddSingleton<AnalyticalNoteWriter>()
            .AddSingleton<NoteRewrites>()
            .AddSingleton<RulesContainerActivation>()
            .AddSingleton<RegistryFileCheck>()
            .AddSingleton<FederalListCheck>()
            .AddSingleton<RulePreviewHandler>()
            .AddSingleton<RuleAdministrationHandler>()
            .AddSingleton<RuleVersionTables>()
            .AddSingleton<RiskMapQuery>()
            .AddSingleton<MunicipalitySchoolsQuery>()
            .AddSingleton<FederalQuery>()
            .AddSingleton<SchoolHistoryQuery>()
            .AddSingleton<RankingQuery>()
            .AddSingleton<RuleVersionsQuery>()
            .AddSingleton<NoteQuery>()
            .AddSingleton<UploadLinkIssuer>()
            .AddSingleton<MunicipalityUploadsQuery>()
            .AddSingleton<UploadOutcomeQuery>()
            .AddSingleton<UploadTemplateQuery>()
            .AddSingleton<NoticeLedger>()
            .AddSingleton<PoisonQueues>()
            .AddSingleton<FailedNoticeReplay>()
            .AddSingleton<DeliveriesQuery>()
            .AddSingleton<DeliveryReplay>()
            .AddSingleton<SupportWorkflow>()
            .AddSingleton<SupportEffectQuery>();
        if (ServiceBusRegistration.IsConfigured(builder.Configuration))
        {
            builder.Services.AddSingleton<IDeliverySender, TopicPublisher>();
        }

        return builder;
    }
}
