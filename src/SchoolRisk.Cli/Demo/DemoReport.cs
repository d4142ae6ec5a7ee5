using SchoolRisk.Cli.Samples;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Uploads;
using Spectre.Console;

namespace SchoolRisk.Cli.Demo;

/// <summary>Prints the demo's outcome: zones per municipality, then where each kind of data now lives.</summary>
public static class DemoReport
{
    public static void Print(DemoOutcome outcome, IReadOnlyList<SampleMunicipality> municipalities, string azuriteData, LocalDeployment deployment)
    {
        var table = new Table().Title("Risk zones, period 2023-2024").Border(TableBorder.Rounded)
            .AddColumn("Municipality").AddColumn("Upload", c => c.Centered())
            .AddColumn("Schools", c => c.RightAligned()).AddColumn("[red]High[/]", c => c.RightAligned())
            .AddColumn("[yellow]Medium[/]", c => c.RightAligned()).AddColumn("[green]None[/]", c => c.RightAligned())
            .AddColumn("Notice", c => c.Centered());

        foreach (var municipality in municipalities)
        {
            var upload = outcome.Uploads.FirstOrDefault(u => u.MunicipalityId == municipality.Id);
            var results = outcome.Results.Where(r => r.MunicipalityId == municipality.Id).ToList();
            var notice = outcome.Notices.Any(n => n.MunicipalityId == municipality.Id);
            table.AddRow(
                Markup.Escape(municipality.Name),
                upload?.Status switch
                {
                    UploadStatus.Completed => "[green]completed[/]",
                    UploadStatus.Failed => "[red]failed[/]",
                    UploadStatus.Processing => "[yellow]processing[/]",
                    _ => "[grey]not seen[/]",
                },
                $"{results.Count}",
                Count(results.Count(r => r.OverallZone == Zone.High)),
                Count(results.Count(r => r.OverallZone == Zone.Medium)),
                $"{results.Count(r => r.OverallZone == Zone.None)}",
                notice ? "[bold]recorded[/]" : "[grey]—[/]");
        }

        table.AddEmptyRow();
        table.AddRow(
            "[bold]Region[/]", $"{outcome.Uploads.Count(u => u.Status == UploadStatus.Completed)}/{municipalities.Count}",
            $"[bold]{outcome.Results.Count}[/]", $"[bold]{outcome.Results.Count(r => r.OverallZone == Zone.High)}[/]",
            $"[bold]{outcome.Results.Count(r => r.OverallZone == Zone.Medium)}[/]", $"[bold]{outcome.Results.Count(r => r.OverallZone == Zone.None)}[/]",
            $"[bold]{outcome.Notices.Count}[/]");
        AnsiConsole.Write(table);

        if (!outcome.Complete)
        {
            AnsiConsole.MarkupLine("[red]Not every upload was settled before the deadline: the table is partial.[/]");
        }

        foreach (var failed in outcome.Uploads.Where(u => u.Status == UploadStatus.Failed))
        {
            AnsiConsole.MarkupLine($"[red]Failed[/] {Markup.Escape(failed.BlobName)}: {Markup.Escape(failed.Error ?? string.Empty)}");
        }

        var ruleVersions = string.Join(", ", outcome.Results.Select(r => r.RuleSetVersion).Distinct());
        var options = deployment.Storage.Options;
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("[blue]Blob[/] " + options.UploadsContainer, "original uploads, never modified: {period}/{municipality}/schools.csv");
        grid.AddRow("[blue]Table[/] " + options.ResultsTable, $"one entity per school per period (PartitionKey {{period}}_{{municipality}}), rule set {ruleVersions}");
        grid.AddRow("[blue]Table[/] " + options.UploadsTable, "status of every upload (Completed / Failed with the reason)");
        grid.AddRow("[blue]Table[/] " + options.NotificationsTable, "one entity per notice; its RowKey is the dedupe key");
        grid.AddRow("[blue]Queues[/]", "upload-events, risk-notifications and their -poison queues");
        grid.AddRow("[blue]Azurite data[/]", Markup.Escape(azuriteData));
        AnsiConsole.WriteLine();
        AnsiConsole.Write(new Panel(grid).Header("Where the data lives").Border(BoxBorder.Rounded));
        AnsiConsole.MarkupLine(
            "Browse it: [grey]npx azurite --location .azurite --skipApiVersionCheck[/] and open the local emulator in Azure Storage Explorer, " +
            "or rerun with [grey]--keep-running[/].");
    }

    private static string Count(int count) => count == 0 ? "0" : $"[bold]{count}[/]";
}
