using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SchoolRisk.Domain.Evaluation;

namespace SchoolRisk.Storage.Rules;

/// <summary>
/// Rule sets in storage. Administrators edit files in the <c>rules</c> container; <see cref="ActivateAsync"/> validates
/// a candidate set (<see cref="RuleSetValidation"/>) and only then archives it immutably under
/// <c>rules-archive/{version}/</c>, records the activation (who, when, why, what it replaced) and moves the active
/// pointer. A candidate that fails is recorded as a rejection and the active version stays. Function app instances
/// follow the pointer (<see cref="ActiveAsync"/>), so every instance evaluates with the same validated version.
/// </summary>
public sealed class RuleStore(StorageAccount account, TimeProvider time)
{
    private const string ActivePartition = "active";
    private const string ActiveRow = "current";
    private const string VersionsPartition = "versions";
    private const string RejectionsPartition = "rejections";
    private const char ListSeparator = '\n';

    private readonly BlobContainerClient _editable = account.Blobs.GetBlobContainerClient(account.Options.RulesContainer);
    private readonly BlobContainerClient _archive = account.Blobs.GetBlobContainerClient(account.Options.RulesArchiveContainer);
    private readonly TableClient _table = account.Tables.GetTableClient(account.Options.RuleVersionsTable);

    /// <summary>The files in the <c>rules</c> container: the candidate an edit makes.</summary>
    public async Task<IReadOnlyList<RuleFile>> ReadEditableAsync(CancellationToken cancellationToken = default)
    {
        var files = new List<RuleFile>();
        await foreach (var blob in _editable.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (blob.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !blob.Name.Contains('/', StringComparison.Ordinal))
            {
                files.Add(new RuleFile(blob.Name, (await _editable.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken)).Value.Content.ToString()));
            }
        }

        return files;
    }

    /// <summary>
    /// Makes the <c>rules</c> container hold exactly <paramref name="files"/> (a rollback or a CLI activation): changed
    /// and new files are written, each carrying who changed it and why as metadata (which the activation its event
    /// triggers records); files not in the set are deleted; unchanged files are left alone, so they raise no events.
    /// </summary>
    public async Task WriteEditableAsync(IReadOnlyList<RuleFile> files, RuleChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(change);
        var existing = await ReadEditableAsync(cancellationToken);
        var metadata = new Dictionary<string, string> { ["changedby"] = Ascii(change.By), ["reason"] = Ascii(change.Reason) };
        if (change.ReevaluatePeriod is { } period)
        {
            metadata["reevaluate"] = period;
        }

        foreach (var file in files.Where(file => !existing.Contains(file)))
        {
            await _editable.GetBlobClient(file.Name).UploadAsync(
                BinaryData.FromString(file.Json), new BlobUploadOptions { Metadata = metadata, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken);
        }

        foreach (var stale in existing.Where(old => !files.Any(file => file.Name == old.Name)))
        {
            await _editable.DeleteBlobIfExistsAsync(stale.Name, cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// Who changed the <c>rules</c> container and why: the metadata (set by the CLI, or by whoever uploads with
    /// <c>changedby</c>, <c>reason</c> and optionally <c>reevaluate</c> = a period) of the last modified file that differs from the active version, or «unknown».
    /// Events of several files arrive in any order, so the files themselves, not the event, tell what changed.
    /// </summary>
    public async Task<RuleChange> ChangeOfAsync(IReadOnlyList<RuleFile> candidate, IReadOnlyList<RuleFile> active, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(active);
        var changed = candidate.Except(active).Select(file => file.Name).ToHashSet(StringComparer.Ordinal);
        BlobItem? latest = null;
        await foreach (var blob in _editable.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, null, cancellationToken))
        {
            if (changed.Contains(blob.Name) && (latest is null || blob.Properties.LastModified > latest.Properties.LastModified))
            {
                latest = blob;
            }
        }

        var metadata = latest?.Metadata ?? new Dictionary<string, string>();
        return new RuleChange(
            Unescape(metadata.TryGetValue("changedby", out var by) ? by : null) ?? "unknown",
            Unescape(metadata.TryGetValue("reason", out var reason) ? reason : null) ?? $"{latest?.Name} changed in the {account.Options.RulesContainer} container",
            "container",
            metadata.TryGetValue("reevaluate", out var period) ? period : null);
    }

    /// <summary>The active version, or <c>null</c> before the first activation.</summary>
    public async Task<ActiveRules?> ActiveAsync(CancellationToken cancellationToken = default)
    {
        var pointer = await _table.GetEntityIfExistsAsync<TableEntity>(ActivePartition, ActiveRow, cancellationToken: cancellationToken);
        return pointer.HasValue ? new ActiveRules(pointer.Value!.GetString("Version"), pointer.Value.ETag.ToString()) : null;
    }

    /// <summary>The files of an archived version, exactly as they were activated.</summary>
    public async Task<IReadOnlyList<RuleFile>> ReadVersionAsync(string version, CancellationToken cancellationToken = default)
    {
        var files = new List<RuleFile>();
        await foreach (var blob in _archive.GetBlobsAsync(BlobTraits.None, BlobStates.None, version + "/", cancellationToken))
        {
            files.Add(new RuleFile(blob.Name[(version.Length + 1)..], (await _archive.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken)).Value.Content.ToString()));
        }

        return files.Count > 0 ? files : throw new RuleSetException($"Rule set version {version} is not in the {account.Options.RulesArchiveContainer} container.");
    }

    /// <summary>Validates <paramref name="files"/> and activates them, or records why not; the active version is never left broken.</summary>
    public async Task<RuleActivation> ActivateAsync(IReadOnlyList<RuleFile> files, RuleChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(change);
        if (await ActiveAsync(cancellationToken) is { } current && current.Version == RuleSet.VersionOf(files))
        {
            // The active version itself (an event for a file that changed nothing): validated when it was activated.
            return RuleActivation.Unchanged(current.Version);
        }

        var validation = await RuleSetValidation.ValidateAsync(files, cancellationToken);
        while (true)
        {
            var active = await ActiveAsync(cancellationToken);
            if (!validation.IsValid)
            {
                await RecordRejectionAsync(change, active?.Version ?? "none", validation.Problems, cancellationToken);
                return RuleActivation.Rejected(active?.Version ?? "none", validation.Problems);
            }

            var version = validation.RuleSet!.Version;
            if (active?.Version == version)
            {
                return RuleActivation.Unchanged(version);
            }

            await ArchiveAsync(version, files, cancellationToken);
            var at = time.GetUtcNow();
            var pointer = new TableEntity(ActivePartition, ActiveRow) { ["Version"] = version, ["ActivatedAt"] = at };
            try
            {
                if (active is null)
                {
                    await _table.AddEntityAsync(pointer, cancellationToken);
                }
                else
                {
                    await _table.UpdateEntityAsync(pointer, new ETag(active.ETag), TableUpdateMode.Replace, cancellationToken);
                }
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                continue;
            }

            await _table.AddEntityAsync(
                new TableEntity(VersionsPartition, NewestFirst(at) + "_" + version)
                {
                    ["Version"] = version,
                    ["ActivatedAt"] = at,
                    ["By"] = TableText.Cut(change.By),
                    ["Reason"] = TableText.Cut(change.Reason),
                    ["Source"] = change.Source,
                    ["Previous"] = active?.Version,
                    ["Files"] = string.Join(ListSeparator, files.Select(file => file.Name).Order(StringComparer.Ordinal)),
                },
                cancellationToken);
            return RuleActivation.Activated(version);
        }
    }

    /// <summary>On first start: fills an empty <c>rules</c> container with the defaults and activates them; afterwards the container is the source of truth.</summary>
    public async Task<RuleActivation> SeedAsync(IReadOnlyList<RuleFile> defaults, CancellationToken cancellationToken = default)
    {
        if (await ActiveAsync(cancellationToken) is { } active)
        {
            return RuleActivation.Unchanged(active.Version);
        }

        var change = new RuleChange("system", "first start: the repository's rules/ folder", "seed");
        if ((await ReadEditableAsync(cancellationToken)).Count == 0)
        {
            await WriteEditableAsync(defaults, change, cancellationToken);
        }

        return await ActivateAsync(await ReadEditableAsync(cancellationToken), change, cancellationToken);
    }

    /// <summary>Every activation, newest first.</summary>
    public async IAsyncEnumerable<RuleVersionRecord> ListVersionsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>($"PartitionKey eq '{VersionsPartition}'", cancellationToken: cancellationToken))
        {
            yield return new RuleVersionRecord(
                entity.GetString("Version"), entity.GetDateTimeOffset("ActivatedAt") ?? default, entity.GetString("By"), entity.GetString("Reason"),
                entity.GetString("Source"), entity.GetString("Previous"), entity.GetString("Files")?.Split(ListSeparator) ?? []);
        }
    }

    /// <summary>Every rejected candidate, newest first.</summary>
    public async IAsyncEnumerable<RuleRejection> ListRejectionsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>($"PartitionKey eq '{RejectionsPartition}'", cancellationToken: cancellationToken))
        {
            yield return new RuleRejection(
                entity.GetDateTimeOffset("At") ?? default, entity.GetString("By"), entity.GetString("Reason"), entity.GetString("Source"),
                entity.GetString("ActiveVersion"), entity.GetString("Problems")?.Split(ListSeparator) ?? []);
        }
    }

    private async Task ArchiveAsync(string version, IReadOnlyList<RuleFile> files, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            try
            {
                await _archive.GetBlobClient($"{version}/{file.Name}").UploadAsync(BinaryData.FromString(file.Json), overwrite: false, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status == 409)
            {
                // Archived before (an earlier activation of the same version): archived versions are never rewritten.
            }
        }
    }

    private async Task RecordRejectionAsync(RuleChange change, string activeVersion, IReadOnlyList<string> problems, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        await _table.UpsertEntityAsync(
            new TableEntity(RejectionsPartition, NewestFirst(at) + "_" + Guid.NewGuid().ToString("N")[..8])
            {
                ["At"] = at,
                ["By"] = TableText.Cut(change.By),
                ["Reason"] = TableText.Cut(change.Reason),
                ["Source"] = change.Source,
                ["ActiveVersion"] = activeVersion,
                ["Problems"] = TableText.Cut(string.Join(ListSeparator, problems)),
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    private static string NewestFirst(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Blob metadata is ASCII: other text travels as UTF-8 in Base64, marked <c>b64:</c>.</summary>
    private static string Ascii(string text) => text.All(char.IsAscii) ? text : "b64:" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string? Unescape(string? text) => text?.StartsWith("b64:", StringComparison.Ordinal) == true
        ? Encoding.UTF8.GetString(Convert.FromBase64String(text[4..]))
        : text;
}
