namespace SchoolRisk.Storage;

/// <summary>Where the workflow keeps its data. Defaults match <c>infra/</c> and the local stack.</summary>
public sealed class StorageOptions
{
    /// <summary>
    /// Connection string of the storage account; the Functions host's own <c>AzureWebJobsStorage</c> setting. Used when
    /// <see cref="AccountName"/> is not set (locally: Azurite).
    /// </summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>
    /// The account's name, for an identity-based connection (<c>AzureWebJobsStorage__accountName</c>, as in Azure): the
    /// services are reached at <c>https://{name}.{blob|queue|table}.core.windows.net</c> with <see cref="Credential"/>,
    /// and no account key exists anywhere in the settings.
    /// </summary>
    public string? AccountName { get; set; }

    /// <summary>The identity used with <see cref="AccountName"/> (the function app's managed identity).</summary>
    public Azure.Core.TokenCredential? Credential { get; set; }

    /// <summary>Container of municipal uploads, <c>{period}/{municipality}/{file}</c>. Never modified by the system.</summary>
    public string UploadsContainer { get; set; } = "uploads";

    /// <summary>Container of the school registry (<see cref="RegistryBlob"/>), kept by the committee.</summary>
    public string RegistryContainer { get; set; } = "registry";

    /// <summary>The school registry: CSV with <c>school_id, school_name, municipality_id, level, settlement, remote, enrolment</c> and optionally <c>district</c>.</summary>
    public string RegistryBlob { get; set; } = "schools.csv";

    /// <summary>Who receives notices, in the registry container: CSV with <c>recipient_id, name, email, webhook_url, webhook_secret</c>.</summary>
    public string RecipientsBlob { get; set; } = "recipients.csv";

    /// <summary>Container of upload error reports, <c>{period}/{municipality}/{uploadId}/errors.json|csv</c>.</summary>
    public string ReportsContainer { get; set; } = "reports";

    /// <summary>Container of notices, <c>{period}/{municipality}/{noticeId}.json</c>: the queue carries only a reference (a queue message holds at most 64 KiB).</summary>
    public string NoticesContainer { get; set; } = "notices";

    /// <summary>Container of the rule files administrators edit (<c>{file}.json</c>); a change is validated and, if it passes, activated.</summary>
    public string RulesContainer { get; set; } = "rules";

    /// <summary>Container of every activated rule set, immutable: <c>{version}/{file}.json</c>.</summary>
    public string RulesArchiveContainer { get; set; } = "rules-archive";

    /// <summary>Table of rule set activations and rejections (audit) and the pointer to the active version.</summary>
    public string RuleVersionsTable { get; set; } = "ruleversions";

    /// <summary>Container of lock blobs (<c>recalculations/{period}</c>): a blob lease makes one recalculation of a period run at a time.</summary>
    public string LocksContainer { get; set; } = "locks";

    /// <summary>
    /// Container of snapshots derived from the results (<c>regions/{period}.json.gz</c>: the region's school values as
    /// the last recalculation read them), rewritten by every recalculation and safe to delete.
    /// </summary>
    public string SnapshotsContainer { get; set; } = "snapshots";

    /// <summary>Table of upload statuses, one entity per upload.</summary>
    public string UploadsTable { get; set; } = "uploads";

    /// <summary>Table of results, one wide entity per school per period.</summary>
    public string ResultsTable { get; set; } = "results";

    /// <summary>Table of municipal indicators and zones, one entity per municipality per period.</summary>
    public string MunicipalitiesTable { get; set; } = "municipalities";

    /// <summary>Table of rubric results, one entity per rubric per subject (municipality, school or course) per period.</summary>
    public string RubricsTable { get; set; } = "rubrics";

    /// <summary>Table of notices, one entity per notice; its key is the dedupe key.</summary>
    public string NotificationsTable { get; set; } = "notifications";

    /// <summary>Table of deliveries, one entity per letter per address: sent, retrying or failed, with the reason.</summary>
    public string DeliveriesTable { get; set; } = "deliveries";

    /// <summary>Table of the committee's support decisions, one entity per school per kind of support per period.</summary>
    public string SupportDecisionsTable { get; set; } = "supportdecisions";

    /// <summary>Table of the support decisions' audit trail, append-only: every record, change and withdrawal with who, when, before and after.</summary>
    public string SupportAuditTable { get; set; } = "supportaudit";

    /// <summary>
    /// Table of the committee's federal lists (the federal list of low-result schools and the schools' federal risk
    /// profiles): partition the period, row key the school id, one entity per school of the period's newest usable file.
    /// </summary>
    public string FederalListsTable { get; set; } = "federallists";
}
