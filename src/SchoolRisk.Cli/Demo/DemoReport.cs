using SchoolRisk.Application.Messaging;
using SchoolRisk.Cli.Samples;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Rubrics;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;
using SchoolRisk.LocalHost.MailDev;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Rubrics;
using SchoolRisk.Storage.ServiceBus;
using SchoolRisk.Storage.Uploads;
using Spectre.Console;

namespace SchoolRisk.Cli.Demo;

/// <summary>Prints the demo's outcome: zones per municipality, then where each kind of data now lives.</summary>
public static class DemoReport
{
    /// <param name="outcome">What storage holds for the period.</param>
    /// <param name="municipalities">The sample region.</param>
    /// <param name="registry">The school registry.</param>
    /// <param name="letters">What the development mail server received.</param>
    /// <param name="subscriptions">The subscriptions of the Service Bus topic of notices and their messages.</param>
    /// <param name="azuriteData">Azurite's data folder.</param>
    /// <param name="deployment">The local stack.</param>
    public static void Print(
        DemoOutcome outcome, IReadOnlyList<SampleMunicipality> municipalities, SchoolRegistry registry, IReadOnlyList<ReceivedMail> letters,
        IReadOnlyList<SubscriptionCount> subscriptions, string azuriteData, LocalDeployment deployment)
    {
        var table = new Table().Title("Risk zones, period 2023-2024").Border(TableBorder.Rounded)
            .AddColumn("Municipality").AddColumn("Upload", c => c.Centered())
            .AddColumn("Schools", c => c.RightAligned()).AddColumn("[red]High[/]", c => c.RightAligned())
            .AddColumn("[yellow]Medium[/]", c => c.RightAligned()).AddColumn("[green]None[/]", c => c.RightAligned())
            .AddColumn("Notice", c => c.Centered());

        foreach (var municipality in municipalities)
        {
            var upload = outcome.SchoolUploads.FirstOrDefault(u => u.MunicipalityId?.ToString() == municipality.Id);
            var results = outcome.Results.Where(r => r.MunicipalityId.ToString() == municipality.Id).ToList();
            var notices = outcome.Notices.Where(n => n.MunicipalityId.ToString() == municipality.Id).ToList();
            table.AddRow(
                Markup.Escape(municipality.Name),
                upload?.Status switch
                {
                    UploadStatus.Completed when upload.SkippedRows > 0 => $"[yellow]completed, {upload.SkippedRows} skipped[/]",
                    UploadStatus.Completed => "[green]completed[/]",
                    UploadStatus.Rejected => "[red]rejected[/]",
                    UploadStatus.Failed => "[red]failed[/]",
                    UploadStatus.Processing => "[yellow]processing[/]",
                    _ => "[grey]not seen[/]",
                },
                $"{results.Count}",
                Count(results.Count(r => r.OverallZone == Zone.High)),
                Count(results.Count(r => r.OverallZone == Zone.Medium)),
                $"{results.Count(r => r.OverallZone == Zone.None)}",
                notices.Count == 0 ? "[grey]—[/]"
                    : notices.All(n => n.Status == NoticeStatus.Delivered) ? $"[green]delivered{(notices.Count > 1 ? $" ×{notices.Count}" : string.Empty)}[/]"
                    : "[red]failed[/]");
        }

        table.AddEmptyRow();
        table.AddRow(
            "[bold]Region[/]", $"{outcome.SchoolUploads.Count(u => u.Status == UploadStatus.Completed)}/{municipalities.Count}",
            $"[bold]{outcome.Results.Count}[/]", $"[bold]{outcome.Results.Count(r => r.OverallZone == Zone.High)}[/]",
            $"[bold]{outcome.Results.Count(r => r.OverallZone == Zone.Medium)}[/]", $"[bold]{outcome.Results.Count(r => r.OverallZone == Zone.None)}[/]",
            $"[bold]{outcome.Notices.Count}[/]");
        AnsiConsole.Write(table);
        AnsiConsole.Write(Classifications(outcome, municipalities));
        AnsiConsole.Write(MunicipalIndicators(outcome, municipalities));
        AnsiConsole.Write(Rubrics(outcome, municipalities));
        AnsiConsole.Write(Leaders(outcome, municipalities, registry));
        AnsiConsole.Write(Letters(outcome, letters));
        if (letters.LastOrDefault(letter => letter.Subject.StartsWith($"Сводка по зонам риска за {SampleRegion.Period}", StringComparison.Ordinal)) is { } digest)
        {
            AnsiConsole.MarkupLine($"The committee's digest: [bold]{Markup.Escape(digest.Subject)}[/]");
        }

        AnsiConsole.MarkupLine($"Service Bus topic [blue]{Markup.Escape(new NoticeTopicOptions().Topic)}[/]: a subscription per recipient, messages waiting " +
            "([grey]schoolrisk notices receive --municipality <id> --service-bus \"…\"[/] reads them; [grey]--keep-running[/] keeps the stack up and prints the connection string):");
        foreach (var subscription in subscriptions)
        {
            AnsiConsole.MarkupLine($"  {Markup.Escape(subscription.Subscription),-16} {subscription.Active,3} message{(subscription.Active == 1 ? string.Empty : "s")}{(subscription.DeadLettered > 0 ? $", [red]{subscription.DeadLettered} dead-lettered[/]" : string.Empty)}");
        }

        AnsiConsole.MarkupLine($"Every letter is in MailDev's web inbox, [blue]{deployment.Mail.WebUrl}[/], and the risk-map page is [blue]{deployment.HttpUrl}api/site/[/] " +
            "(open them while the demo runs with [grey]--keep-running[/], which prints the keys).");

        if (!outcome.Complete)
        {
            AnsiConsole.MarkupLine("[red]Not every upload was settled before the deadline: the table is partial.[/]");
        }

        foreach (var upload in outcome.Uploads.Where(u => u.Error is not null || u.ReportCsv is not null))
        {
            AnsiConsole.MarkupLine(
                $"[yellow]{upload.Status}[/] {Markup.Escape(upload.BlobName)}: {Markup.Escape(upload.Error ?? $"{upload.ProblemCount} problem{(upload.ProblemCount == 1 ? string.Empty : "s")}")}" +
                (upload.ReportCsv is null ? string.Empty : $" (report: reports/{Markup.Escape(upload.ReportCsv)})"));
        }

        var ruleVersions = string.Join(", ", outcome.Results.Select(r => r.RuleSetVersion).Distinct());
        var options = deployment.Storage.Options;
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("[blue]Blob[/] " + options.UploadsContainer, "original uploads, never modified: {period}/{municipality}/{file}, rubric scores under .../rubrics/");
        grid.AddRow("[blue]Table[/] " + options.ResultsTable, $"one entity per school per period (PartitionKey {{period}}_{{municipality}}), rule set {ruleVersions}");
        grid.AddRow("[blue]Blob[/] " + options.RegistryContainer + "/" + options.RegistryBlob, "the school registry uploads are checked against; its last usable version is kept in last-good/");
        grid.AddRow("[blue]Blob[/] " + options.ReportsContainer, "error reports, {period}/{municipality}/{uploadId}/errors.json and errors.csv; the committee files' checks, registry/{file}/{version}/report.json and report.csv; analytical notes, {period}/{municipality}/note.html");
        grid.AddRow("[blue]Table[/] " + options.MunicipalitiesTable, "municipal indicators and zone, one entity per municipality (PartitionKey {period})");
        grid.AddRow("[blue]Table[/] " + options.RubricsTable, "rubric results: scores, total, band, zone (PartitionKey {period}_{municipality})");
        grid.AddRow("[blue]Table[/] " + options.UploadsTable, "every upload: status, content hash, counts, report links, duplicate/superseded links");
        grid.AddRow("[blue]Table[/] " + options.NotificationsTable, "one entity per notice and per digest; its RowKey is the dedupe key; Status and Reason tell how delivery ended");
        grid.AddRow("[blue]Table[/] " + options.DeliveriesTable, "one entity per letter per address: Sent, Retrying or Failed with the reason and the attempts");
        grid.AddRow("[blue]Blob[/] " + options.RegistryContainer + "/" + options.RecipientsBlob, "who receives notices: the municipalities' and the committee's addresses");
        grid.AddRow("[blue]Blob[/] " + options.RulesContainer + ", " + options.RulesArchiveContainer, "the rule files administrators edit (seeded from rules/), and every activated version, immutable");
        grid.AddRow("[blue]Table[/] " + options.RuleVersionsTable, $"rule set activations and rejections, the active version ({ruleVersions}); see `schoolrisk rules list`");
        grid.AddRow("[blue]Table[/] " + options.SupportDecisionsTable + ", " + options.SupportAuditTable, "the committee's support decisions in force (PartitionKey {period}, RowKey {school}|{kind}), and every record, change and withdrawal, never updated");
        grid.AddRow("[blue]Table[/] " + options.FederalListsTable, "the federal list of low-result schools and risk profiles, per period; its files under registry/federal/{period}/");
        grid.AddRow("[blue]Queues[/]", $"{string.Join(", ", QueueNames.All)} and their -poison queues");
        grid.AddRow("[blue]Azurite data[/]", Markup.Escape(azuriteData));
        AnsiConsole.WriteLine();
        AnsiConsole.Write(new Panel(grid).Header("Where the data lives").Border(BoxBorder.Rounded));
        AnsiConsole.MarkupLine(
            "Browse it: [grey]npx azurite --location .azurite --skipApiVersionCheck[/] and open the local emulator in Azure Storage Explorer, " +
            "or rerun with [grey]--keep-running[/].");
    }

    /// <summary>Letters by kind: e-mail deliveries recorded as sent or failed, and what the mail server received.</summary>
    private static Table Letters(DemoOutcome outcome, IReadOnlyList<ReceivedMail> letters)
    {
        var table = new Table().Title($"Letters of {SampleRegion.Period}").Border(TableBorder.Rounded)
            .AddColumn("Kind").AddColumn("Sent", c => c.RightAligned()).AddColumn("Failed", c => c.RightAligned()).AddColumn("Example subject");
        foreach (var kind in outcome.Deliveries.Where(delivery => delivery.Channel == DeliveryChannel.Email)
            .GroupBy(delivery => delivery.Kind).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var example = letters.FirstOrDefault(letter => letter.MessageId?.Contains($"{SampleRegion.Period}_", StringComparison.Ordinal) == true
                && letter.MessageId.Contains($"_{kind.Key}_", StringComparison.Ordinal))?.Subject ?? string.Empty;
            table.AddRow(
                kind.Key switch { DeliveryPlan.MunicipalityNoticeKind => "to municipalities", DeliveryPlan.CommitteeAlertKind => "alerts to the committee", _ => "digest to the committee" },
                $"{kind.Count(delivery => delivery.Status == DeliveryStatus.Sent)}", Count(kind.Count(delivery => delivery.Status == DeliveryStatus.Failed)), Markup.Escape(example));
        }

        table.AddRow("[bold]MailDev inbox[/] (all periods)", $"[bold]{letters.Count}[/]", string.Empty, string.Empty);
        return table;
    }

    /// <summary>Classifications per municipality, each school against the region as evaluated when its upload arrived.</summary>
    private static Table Classifications(DemoOutcome outcome, IReadOnlyList<SampleMunicipality> municipalities)
    {
        var table = new Table().Title("Classifications. Stable: ШНОР two periods running; typology: disadvantaged/resilient/unsuccessful; Leaders: effective").Border(TableBorder.Rounded)
            .AddColumn("Municipality").AddColumn("ШНОР", c => c.RightAligned()).AddColumn("Stable", c => c.RightAligned())
            .AddColumn("ШНСУ", c => c.RightAligned()).AddColumn("Typology", c => c.Centered())
            .AddColumn("Non-obj.", c => c.RightAligned()).AddColumn("Leaders", c => c.RightAligned());
        foreach (var municipality in municipalities)
        {
            table.AddRow([Markup.Escape(municipality.Name), .. Cells(outcome.Results.Where(r => r.MunicipalityId.ToString() == municipality.Id))]);
        }

        table.AddRow(["[bold]Region[/]", .. Cells(outcome.Results).Select(cell => $"[bold]{cell}[/]")]);
        return table;

        static string[] Cells(IEnumerable<StoredResult> results)
        {
            var schools = results.Select(r => r.Classification).ToList();
            int Of(Typology typology) => schools.Count(c => c.Typology == typology);
            return
            [
                $"{schools.Count(c => c.LowResults)}", $"{schools.Count(c => c.StablyLowResults)}", $"{schools.Count(c => c.UnfavourableConditions)}",
                $"{Of(Typology.Disadvantaged)}/{Of(Typology.Resilient)}/{Of(Typology.Unsuccessful)}",
                $"{schools.Count(c => c.NonObjectiveResults)}", $"{schools.Count(c => c.LeaderEffective)}",
            ];
        }
    }

    /// <summary>The municipal indicators of docs/methodology.md, section 6: shares of schools, in percent.</summary>
    private static Table MunicipalIndicators(DemoOutcome outcome, IReadOnlyList<SampleMunicipality> municipalities)
    {
        var table = new Table().Title("Municipal indicators, % of schools. Zone: high when any school is high, or from rubrics (r)")
            .Border(TableBorder.Rounded).AddColumn("Municipality").AddColumn("Zone", c => c.Centered());
        foreach (var title in new[] { "Sport", "Theatre", "Museum", "SPT", "Olymp.", "High", "ШНОР" })
        {
            table.AddColumn(title, column => column.RightAligned());
        }

        foreach (var municipality in municipalities)
        {
            if (outcome.Municipalities.FirstOrDefault(m => m.MunicipalityId.ToString() == municipality.Id) is not { } summary)
            {
                continue;
            }

            table.AddRow(
                Markup.Escape(municipality.Name),
                ZoneMarkup(summary.Zone, summary.RubricZone > summary.SchoolZone ? $"{summary.Zone.ToKey()} (r)" : null),
                Share(summary.SportsClubShare), Share(summary.TheatreShare), Share(summary.MuseumShare), Share(summary.SptParticipationShare),
                Share(summary.OlympiadWinnersShare), Share(summary.HighZoneShare), Share(summary.LowResultsShare));
        }

        return table;

        static string Share(decimal? share) => share?.ToString("0", System.Globalization.CultureInfo.InvariantCulture) ?? "—";
    }

    /// <summary>The integrated assessment's leaders: the top five schools with upper-secondary programmes and the top five basic-only ones.</summary>
    private static Table Leaders(DemoOutcome outcome, IReadOnlyList<SampleMunicipality> municipalities, SchoolRegistry registry)
    {
        var table = new Table().Title("Integrated assessment: leaders (rank within their kind; TOP-100 / TOP-25 are stored)").Border(TableBorder.Rounded)
            .AddColumn("Rank", c => c.RightAligned()).AddColumn("School").AddColumn("Municipality").AddColumn("Score", c => c.RightAligned());
        var leaders = outcome.Results.Where(r => r.Assessment.Leader).OrderBy(r => r.Assessment.Rank).ToList();
        var secondary = leaders.Where(r => registry.Find(r.SchoolId)?.Level != "basic").ToList();
        foreach (var (title, group) in new[] { ("with upper-secondary programmes", secondary), ("basic-only", leaders.Except(secondary).ToList()) })
        {
            table.AddRow(string.Empty, $"[bold]{title}[/]", string.Empty, string.Empty);
            foreach (var school in group)
            {
                table.AddRow(
                    $"{school.Assessment.Rank}", Markup.Escape(school.SchoolName),
                    Markup.Escape(municipalities.FirstOrDefault(m => m.Id == school.MunicipalityId.ToString())?.Name ?? school.MunicipalityId.ToString()),
                    school.Assessment.Composite?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "—");
            }
        }

        return table;
    }

    /// <summary>Rubrics of docs/methodology.md, section 5: each municipal rubric's total and band, and the bands of schools' and courses' rubrics.</summary>
    private static Table Rubrics(DemoOutcome outcome, IReadOnlyList<SampleMunicipality> municipalities)
    {
        var municipal = outcome.Rubrics.Where(r => r.Level == RubricLevel.Municipality).Select(r => r.RubricId).Distinct().Order(StringComparer.Ordinal).ToList();
        var table = new Table().Title("Rubrics: municipal totals coloured by band (red: low band, high risk). Schools, courses: low/middle/top band counts")
            .Border(TableBorder.Rounded).AddColumn("Municipality");
        foreach (var rubric in municipal)
        {
            table.AddColumn(rubric.Replace('_', ' '), c => c.Centered());
        }

        table.AddColumn("Schools", c => c.Centered()).AddColumn("Courses", c => c.Centered());
        foreach (var municipality in municipalities)
        {
            var own = outcome.Rubrics.Where(r => r.MunicipalityId.ToString() == municipality.Id).ToList();
            var cells = municipal.Select(id => own.FirstOrDefault(r => r.RubricId == id && r.Level == RubricLevel.Municipality) is { } r
                ? ZoneMarkup(r.Zone, $"{r.Scores.Total}/{r.MaxScore}")
                : "[grey]—[/]");
            table.AddRow([Markup.Escape(municipality.Name), .. cells, Bands(own, RubricLevel.School), Bands(own, RubricLevel.Course)]);
        }

        return table;

        static string Bands(List<StoredRubric> rubrics, RubricLevel level)
        {
            var of = rubrics.Where(r => r.Level == level).ToList();
            return of.Count == 0 ? "[grey]—[/]" : $"{of.Count(r => r.Zone == Zone.High)}/{of.Count(r => r.Zone == Zone.Medium)}/{of.Count(r => r.Zone == Zone.None)}";
        }
    }

    private static string ZoneMarkup(Zone zone, string? text = null) => zone switch
    {
        Zone.High => $"[red]{text ?? "high"}[/]",
        Zone.Medium => $"[yellow]{text ?? "medium"}[/]",
        _ => $"[green]{text ?? "none"}[/]",
    };

    private static string Count(int count) => count == 0 ? "0" : $"[bold]{count}[/]";
}
