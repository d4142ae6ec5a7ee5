using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Evaluation.Shape;

namespace SchoolRisk.Storage.Rules;

/// <summary>
/// Rule sets in storage. Administrators edit files in the <c>rules</c> container; an activation (decided by the
/// application's workflow, which validates the candidate and checks it against the stored data) archives the files
/// immutably under <c>rules-archive/{version}/</c>, records the activation (who, how that is known, when, why, what it
/// replaced) and moves the active pointer (<see cref="ActivateAsync"/>); a refused candidate is recorded as a rejection
/// with every problem (<see cref="RejectAsync"/>), cut in the table and whole in <c>rules-archive/rejections/</c>, and the
/// active version stays. Function app instances follow the pointer (<see cref="ActiveAsync"/>), so every instance
/// evaluates with the same validated version.
/// </summary>
public sealed class RuleStore(StorageAccount account, TimeProvider time)
{
    /// <summary>Where, in the archive container, each rejection's whole text is kept: <c>rejections/{row key}.txt</c>.</summary>
    public const string RejectionsFolder = "rejections";

    private const string ActivePartition = "active";
    private const string ActiveRow = "current";
    private const string VersionsPartition = "versions";
    private const string RejectionsPartition = "rejections";
    private const char ListSeparator = '\n';

    /// <summary>What a rejection's row and text say of the active version before any was activated.</summary>
    private const string NoVersion = "none";

    private readonly BlobContainerClient _editable = account.Blobs.GetBlobContainerClient(account.Options.RulesContainer);
    private readonly BlobContainerClient _archive = account.Blobs.GetBlobContainerClient(account.Options.RulesArchiveContainer);
    private readonly TableClient _table = account.Tables.GetTableClient(account.Options.RuleVersionsTable);

    /// <summary>
    /// The files in the <c>rules</c> container: the candidate an edit makes, with who wrote each file, all from one
    /// listing and each file's own download (an edit between two reads cannot pair one edit's content with another's
    /// author). A blob larger than <see cref="RuleSetLimits.MaxFileBytes"/> is not downloaded; it is a problem of the
    /// candidate instead, and its author comes from the listing.
    /// </summary>
    public async Task<EditableRules> ReadEditableAsync(CancellationToken cancellationToken = default)
    {
        var files = new List<RuleFile>();
        var problems = new List<string>();
        var edits = new List<RuleFileEdit>();
        await foreach (var blob in _editable.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, null, cancellationToken))
        {
            if (!IsRuleFile(blob.Name))
            {
                continue;
            }

            if (blob.Properties.ContentLength is > RuleSetLimits.MaxFileBytes and var length)
            {
                problems.Add(RuleSetLimits.FileTooLarge(blob.Name, length));
                edits.Add(new RuleFileEdit(blob.Name, blob.Properties.LastModified ?? DateTimeOffset.MinValue, MetadataOf(blob.Metadata)));
                continue;
            }

            var download = (await _editable.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken)).Value;
            files.Add(new RuleFile(blob.Name, download.Content.ToString()));
            edits.Add(new RuleFileEdit(blob.Name, download.Details.LastModified, MetadataOf(download.Details.Metadata)));
        }

        return new EditableRules(files, problems, edits);
    }

    /// <summary>
    /// Makes the <c>rules</c> container hold exactly <paramref name="files"/> (a rollback or a CLI activation, or a test
    /// playing an administrator): changed and new files are written, each carrying who changed it and why as metadata
    /// (<c>changedby</c>, <c>reason</c>, and <c>reevaluate</c>, <c>allowremoval</c> when the change asks), which the
    /// activation its event triggers records; files not in the set are deleted; unchanged files are left alone, so they
    /// raise no events.
    /// </summary>
    public async Task WriteEditableAsync(IReadOnlyList<RuleFile> files, RuleChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(change);
        var existing = (await ReadEditableAsync(cancellationToken)).Files;
        var names = new List<string>();
        await foreach (var blob in _editable.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            names.Add(blob.Name);
        }

        var metadata = new Dictionary<string, string> { ["changedby"] = Ascii(change.By), ["reason"] = Ascii(change.Reason) };
        if (change.ReevaluatePeriod is { } period)
        {
            metadata["reevaluate"] = period;
        }

        if (change.AllowRemoval)
        {
            metadata["allowremoval"] = "true";
        }

        foreach (var file in files.Where(file => !existing.Contains(file)))
        {
            await _editable.GetBlobClient(file.Name).UploadAsync(
                BinaryData.FromString(file.Json), new BlobUploadOptions { Metadata = metadata, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken);
        }

        foreach (var stale in names.Where(IsRuleFile).Where(name => !files.Any(file => file.Name == name)))
        {
            await _editable.DeleteBlobIfExistsAsync(stale, cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// Who changed the <c>rules</c> container and why, as declared (not verified: whoever can write a blob can write any
    /// name): the metadata (set by the CLI, or by whoever uploads with <c>changedby</c>, <c>reason</c> and optionally
    /// <c>reevaluate</c> = a period) of the last modified file that differs from the active version, or «неизвестно»; and
    /// whether removals are allowed: <c>allowremoval</c> = <c>true</c> on any file that differs. Events of several files
    /// arrive in any order, so the files themselves, not the event, tell what changed. Storage keeps a blob's last
    /// modification to the second, so two files written within one second (one person's edit of two files, or two
    /// edits one after the other) are equally last: then <paramref name="eventBlob"/>, the file whose event this is,
    /// tells whose change it is, and otherwise the first by name. Metadata that cannot be decoded is taken as written.
    /// </summary>
    /// <param name="candidate">The container as read (<see cref="ReadEditableAsync"/>).</param>
    /// <param name="active">The active version's files.</param>
    /// <param name="eventBlob">The blob whose event asked for this activation; <c>null</c> when there is none.</param>
    public RuleChange ChangeOf(EditableRules candidate, IReadOnlyList<RuleFile> active, string? eventBlob)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(active);
        var changed = candidate.Files.Except(active).Select(file => file.Name).ToHashSet(StringComparer.Ordinal);
        var read = candidate.Files.Select(file => file.Name).ToHashSet(StringComparer.Ordinal);
        RuleFileEdit? latest = null;
        var allowRemoval = false;
        foreach (var edit in candidate.Edits)
        {
            // A rule file not among those read (too large to be read) is a change too.
            if (!changed.Contains(edit.Name) && read.Contains(edit.Name))
            {
                continue;
            }

            allowRemoval |= edit.Metadata.TryGetValue("allowremoval", out var allow) && string.Equals(allow.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            if (latest is null || edit.LastModified > latest.LastModified || (edit.LastModified == latest.LastModified && edit.Name == eventBlob))
            {
                latest = edit;
            }
        }

        var metadata = latest?.Metadata ?? new Dictionary<string, string>();
        return new RuleChange(
            Unescape(metadata.GetValueOrDefault("changedby")) ?? "неизвестно",
            Unescape(metadata.GetValueOrDefault("reason")) ?? $"изменён файл {latest?.Name} в контейнере {account.Options.RulesContainer}",
            "container",
            metadata.TryGetValue("reevaluate", out var period) ? period.Trim() : null)
        {
            ByOrigin = AuthorOrigin.Declared,
            AllowRemoval = allowRemoval,
        };
    }

    /// <summary>The active version, or <c>null</c> before the first activation.</summary>
    public async Task<ActiveRules?> ActiveAsync(CancellationToken cancellationToken = default)
    {
        var pointer = await _table.GetEntityIfExistsAsync<TableEntity>(ActivePartition, ActiveRow, cancellationToken: cancellationToken);
        return pointer.HasValue
            ? new ActiveRules(RuleSetVersion.Parse(pointer.Value!.GetString("Version")), pointer.Value.ETag.ToString(), pointer.Value.GetDateTimeOffset("ActivatedAt") ?? DateTimeOffset.MinValue)
            : null;
    }

    /// <summary>The files of an archived version, exactly as they were activated.</summary>
    public async Task<IReadOnlyList<RuleFile>> ReadVersionAsync(RuleSetVersion version, CancellationToken cancellationToken = default)
    {
        var files = new List<RuleFile>();
        await foreach (var blob in _archive.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{version}/", cancellationToken))
        {
            files.Add(new RuleFile(blob.Name[(RuleSetVersion.Length + 1)..], (await _archive.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken)).Value.Content.ToString()));
        }

        return files.Count > 0 ? files : throw new RuleSetException($"Rule set version {version} is not in the {account.Options.RulesArchiveContainer} container.");
    }

    /// <summary>
    /// Activates <paramref name="files"/>, which <paramref name="validated"/> was loaded and checked from (its version
    /// must be theirs): archives them, moves the active pointer (compared by ETag, so two activations at once never
    /// both win) and records the activation. The same version already active is <see cref="RuleActivationOutcome.Unchanged"/>.
    /// Deciding whether a candidate may be activated is the caller's (validation, the data check, removals).
    /// </summary>
    public async Task<RuleActivation> ActivateAsync(IReadOnlyList<RuleFile> files, RuleSet validated, RuleChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(validated);
        ArgumentNullException.ThrowIfNull(change);
        var version = RuleSet.VersionOf(files);
        if (validated.Version != version)
        {
            throw new ArgumentException($"The rule set given as validated is version {validated.Version}, the files are {version}.", nameof(validated));
        }

        while (true)
        {
            var active = await ActiveAsync(cancellationToken);
            if (active?.Version == version)
            {
                return RuleActivation.Unchanged(version);
            }

            await ArchiveAsync(version, files, cancellationToken);
            var at = time.GetUtcNow();
            var pointer = new TableEntity(ActivePartition, ActiveRow) { ["Version"] = version.ToString(), ["ActivatedAt"] = at };
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
                    ["Version"] = version.ToString(),
                    ["ActivatedAt"] = at,
                    ["By"] = TableSafe(change.By),
                    ["ByOrigin"] = change.ByOrigin.ToString(),
                    ["Reason"] = TableSafe(change.Reason),
                    ["Source"] = TableSafe(change.Source),
                    ["Previous"] = active?.Version.ToString(),
                    ["AllowedRemoval"] = change.AllowRemoval,
                    ["Files"] = TableSafe(string.Join(ListSeparator, files.Select(file => file.Name).Order(StringComparer.Ordinal))),
                },
                cancellationToken);
            return RuleActivation.Activated(version);
        }
    }

    /// <summary>
    /// Records that a candidate was refused, with every problem, and keeps the active version. Whatever the problems hold
    /// (thousands of them, a 100 KB expression quoted back, control characters, broken surrogate pairs), recording them
    /// does not fail: the whole text goes to <c>rules-archive/rejections/{row key}.txt</c> (UTF-8) first, then the table's
    /// row with the problems cut at a property's 64 KiB (<see cref="TableText.Cut"/>), their count and where the whole text is.
    /// The row and the text name the refused files by the version they would have had (<see cref="RuleSet.VersionOf"/>),
    /// so a rejection can be told from one of another state of the same edit (a container read while it was being written).
    /// </summary>
    /// <param name="files">The candidate's files as read (a file too large to read is not among them, but among the problems).</param>
    /// <param name="change">Who asked and why.</param>
    /// <param name="problems">Every problem, in Russian.</param>
    /// <param name="cancellationToken">Cancels the recording.</param>
    public async Task<RuleActivation> RejectAsync(IReadOnlyList<RuleFile> files, RuleChange change, IReadOnlyList<string> problems, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(problems);
        var candidateVersion = RuleSet.VersionOf(files);
        var active = (await ActiveAsync(cancellationToken))?.Version;
        var activeVersion = active?.ToString() ?? NoVersion;
        var at = time.GetUtcNow();
        var rowKey = NewestFirst(at) + "_" + Guid.NewGuid().ToString("N")[..8];
        var blobName = $"{RejectionsFolder}/{rowKey}.txt";
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Правка правил отклонена {at:yyyy-MM-dd HH:mm:ss} UTC; действующей осталась версия {activeVersion}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Кто: {AuthorOrigins.Describe(change.By, change.ByOrigin)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Причина правки: {change.Reason}")
            .AppendLine(CultureInfo.InvariantCulture, $"Откуда: {change.Source}")
            .AppendLine(CultureInfo.InvariantCulture, $"Отклонённые файлы: версия {candidateVersion}")
            .AppendLine(CultureInfo.InvariantCulture, $"Замечаний: {problems.Count}")
            .AppendLine();
        for (var number = 0; number < problems.Count; number++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{number + 1}. {problems[number]}");
        }

        await _archive.GetBlobClient(blobName).UploadAsync(
            BinaryData.FromString(Sanitized(text.ToString())),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" } },
            cancellationToken);
        var location = $"{account.Options.RulesArchiveContainer}/{blobName}";
        await _table.UpsertEntityAsync(
            new TableEntity(RejectionsPartition, rowKey)
            {
                ["At"] = at,
                ["By"] = TableSafe(change.By),
                ["ByOrigin"] = change.ByOrigin.ToString(),
                ["Reason"] = TableSafe(change.Reason),
                ["Source"] = TableSafe(change.Source),
                ["ActiveVersion"] = activeVersion,
                ["CandidateVersion"] = candidateVersion.ToString(),
                ["Problems"] = TableSafe(string.Join(ListSeparator, problems.Select(problem => problem.ReplaceLineEndings(" ")))),
                ["ProblemCount"] = problems.Count,
                ["ProblemsBlob"] = location,
            },
            TableUpdateMode.Replace,
            cancellationToken);
        return RuleActivation.Rejected(active, problems) with { ProblemsBlob = location };
    }

    /// <summary>Every activation, newest first.</summary>
    public async IAsyncEnumerable<RuleVersionRecord> ListVersionsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {VersionsPartition}"), cancellationToken: cancellationToken))
        {
            yield return new RuleVersionRecord(
                RuleSetVersion.Parse(entity.GetString("Version")), entity.GetDateTimeOffset("ActivatedAt") ?? default, entity.GetString("By"), OriginOf(entity), entity.GetString("Reason"),
                entity.GetString("Source"), entity.GetString("Previous") is { } previous ? RuleSetVersion.Parse(previous) : null, entity.GetString("Files")?.Split(ListSeparator) ?? []);
        }
    }

    /// <summary>Every rejected candidate, newest first.</summary>
    public async IAsyncEnumerable<RuleRejection> ListRejectionsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {RejectionsPartition}"), cancellationToken: cancellationToken))
        {
            var problems = entity.GetString("Problems")?.Split(ListSeparator) ?? [];
            yield return new RuleRejection(
                entity.GetDateTimeOffset("At") ?? default, entity.GetString("By"), OriginOf(entity), entity.GetString("Reason"), entity.GetString("Source"),
                entity.GetString("ActiveVersion") is { } active and not NoVersion ? RuleSetVersion.Parse(active) : null, problems, entity.GetInt32("ProblemCount") ?? problems.Length, entity.GetString("ProblemsBlob"))
            {
                CandidateVersion = entity.GetString("CandidateVersion") is { } candidate ? RuleSetVersion.Parse(candidate) : null,
            };
        }
    }

    /// <summary>The whole text of a rejection (<see cref="RuleRejection.ProblemsBlob"/>), or <c>null</c> when the rejection has none (recorded before it was kept).</summary>
    public async Task<string?> ReadRejectionTextAsync(RuleRejection rejection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        var prefix = account.Options.RulesArchiveContainer + "/";
        if (rejection.ProblemsBlob?.StartsWith(prefix, StringComparison.Ordinal) != true)
        {
            return null;
        }

        return (await _archive.GetBlobClient(rejection.ProblemsBlob[prefix.Length..]).DownloadContentAsync(cancellationToken)).Value.Content.ToString();
    }

    private static bool IsRuleFile(string name) => name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !name.Contains('/', StringComparison.Ordinal);

    private async Task ArchiveAsync(RuleSetVersion version, IReadOnlyList<RuleFile> files, CancellationToken cancellationToken)
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

    private static AuthorOrigin OriginOf(TableEntity entity) =>
        Enum.TryParse<AuthorOrigin>(entity.GetString("ByOrigin"), out var origin) ? origin : AuthorOrigin.Declared;

    private static Dictionary<string, string> MetadataOf(IDictionary<string, string>? metadata) =>
        new(metadata ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);

    private static string NewestFirst(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>Text people wrote, as a table property holds it: without characters no string may carry, cut at 64 KiB.</summary>
    private static string TableSafe(string text) => TableText.Cut(Sanitized(text))!;

    /// <summary>
    /// <paramref name="text"/> with what neither a table property nor UTF-8 can carry replaced by «�»: a surrogate
    /// without its pair (an expression quoting <c>\ud800</c>), and NUL.
    /// </summary>
    private static string Sanitized(string text)
    {
        StringBuilder? clean = null;
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            var paired = char.IsHighSurrogate(character) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]);
            if (paired)
            {
                clean?.Append(character).Append(text[index + 1]);
                index++;
                continue;
            }

            var bad = character == '\0' || char.IsSurrogate(character);
            if (bad && clean is null)
            {
                clean = new StringBuilder(text.Length).Append(text, 0, index);
            }

            clean?.Append(bad ? '\uFFFD' : character);
        }

        return clean?.ToString() ?? text;
    }

    /// <summary>Blob metadata is ASCII: other text travels as UTF-8 in Base64, marked <c>b64:</c>.</summary>
    private static string Ascii(string text) => text.All(char.IsAscii) ? text : "b64:" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>Metadata as <see cref="Ascii"/> wrote it; anything else (Base64 that is not, a person's own «b64:»), as it is.</summary>
    private static string? Unescape(string? text)
    {
        if (text?.StartsWith("b64:", StringComparison.Ordinal) != true)
        {
            return text;
        }

        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text[4..], bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : text;
    }
}
