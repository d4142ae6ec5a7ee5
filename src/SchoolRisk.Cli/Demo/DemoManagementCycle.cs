using System.Net.Http.Json;
using System.Text.Json;
using SchoolRisk.Application.Support;
using SchoolRisk.Application.Views;
using SchoolRisk.Cli.Samples;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Storage.Federal;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Support;
using Spectre.Console;

namespace SchoolRisk.Cli.Demo;

/// <summary>
/// The demo's management cycle (issue 23): records the sample support decisions through the committee's door
/// (<c>POST /api/support/{period}</c>, as the page does), uploads the federal list, and after the next period prints what
/// the cycle shows: the risk group's exits, the federal list's disagreements, the mentor proposals still open, and the
/// effect of the support decided in the period.
/// </summary>
public static class DemoManagementCycle
{
    /// <summary>Records every decision of <c>samples/support/{period}.json</c> for each period that has one; prints any the door refuses.</summary>
    /// <returns>How many were recorded.</returns>
    public static async Task<int> RecordSupportAsync(LocalDeployment deployment, string samples, string committeeKey, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(deployment.HttpUrl, "api/") };
        http.DefaultRequestHeaders.Add("x-functions-key", committeeKey);
        var recorded = 0;
        foreach (var period in new[] { SampleRegion.PreviousPeriod, SampleRegion.Period })
        {
            var path = Path.Combine(samples, "support", $"{period}.json");
            await using var file = File.OpenRead(path);
            foreach (var decision in (await JsonSerializer.DeserializeAsync<JsonElement[]>(file, cancellationToken: cancellationToken))!)
            {
                using var response = await http.PostAsJsonAsync($"support/{period}", decision, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    recorded++;
                }
                else
                {
                    AnsiConsole.MarkupLine($"[red]Support decision refused[/] ({period}, {(int)response.StatusCode}): {Markup.Escape(await response.Content.ReadAsStringAsync(cancellationToken))}");
                }
            }
        }

        return recorded;
    }

    /// <summary>Uploads <c>samples/federal/{period}.csv</c> as the committee's federal list and waits until it is stored; <c>false</c> at the deadline.</summary>
    public static async Task<bool> UploadFederalListAsync(LocalDeployment deployment, string samples, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var period = Period.Parse(SampleRegion.Period);
        await using (var content = File.OpenRead(Path.Combine(samples, "federal", $"{SampleRegion.Period}.csv")))
        {
            await new FederalFileBlobs(deployment.Storage, TimeProvider.System).UploadAsync(period, $"{SampleRegion.Period}.csv", content, cancellationToken);
        }

        var lists = new FederalListTable(deployment.Storage);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        while (await lists.ReadAsync(period, cancellationToken) is null)
        {
            if (timeout.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        return true;
    }

    /// <summary>Prints the risk group's standings in the next period, the federal list beside the regional group, the open mentor proposals and the effect of the period's support.</summary>
    public static async Task PrintAsync(LocalDeployment deployment, string committeeKey, CancellationToken cancellationToken)
    {
        var storage = deployment.Storage;
        var results = new ResultTable(storage, TimeProvider.System);
        var next = await results.RiskGroupsAsync(Period.Parse(SampleRegion.NextPeriod), null, cancellationToken);
        int Count(RiskGroupStatus status) => next.Values.Count(standing => standing.Status == status);
        AnsiConsole.MarkupLine($"\n[bold]The management cycle[/] ({string.Join(", ", SampleRegion.Tracked)} uploaded {SampleRegion.NextPeriod} too):");
        AnsiConsole.MarkupLine($"  risk group in {SampleRegion.NextPeriod}: {Count(RiskGroupStatus.Entered) + Count(RiskGroupStatus.ReEntered)} entered, {Count(RiskGroupStatus.Stayed)} stayed, " +
            $"{Count(RiskGroupStatus.Leaving)} leaving (exit not yet confirmed), [green]{Count(RiskGroupStatus.Exited)} exited[/]");

        var scope = new AccessScope(true, null) { Committee = true };
        var federal = (await new FederalQuery(new FederalListTable(storage), results, new RecipientListBlob(storage)).GetAsync(scope, SampleRegion.Period, null, cancellationToken)).Value;
        if (federal is not null)
        {
            AnsiConsole.MarkupLine($"  federal list {SampleRegion.Period}: {federal.FederalCount} schools, regional group {federal.RegionalCount}; " +
                $"[yellow]{federal.FederalOnly.Count} only on the federal list, {federal.RegionalOnly.Count} only in the regional group[/]");
        }

        using (var http = new HttpClient { BaseAddress = new Uri(deployment.HttpUrl, "api/") })
        {
            http.DefaultRequestHeaders.Add("x-functions-key", committeeKey);
            var support = await http.GetFromJsonAsync<JsonElement>($"support/{SampleRegion.Period}", cancellationToken);
            var proposals = support.GetProperty("proposals").EnumerateArray().ToList();
            AnsiConsole.MarkupLine($"  support {SampleRegion.Period}: {support.GetProperty("decisions").GetArrayLength()} decisions; " +
                $"{proposals.Count(p => p.GetProperty("mentorId").ValueKind == JsonValueKind.String)} mentor pairs proposed for the low-result schools without a mentor; " +
                $"{support.GetProperty("subsidy").GetArrayLength()} schools meet the subsidy's criteria");
        }

        var effect = (await new SupportEffectQuery(new SupportDecisionTable(storage), results, new SchoolRegistryBlob(storage)).GetAsync(scope, SampleRegion.Period, cancellationToken)).Value!;
        var table = new Table().Title($"Effect of the support decided in {SampleRegion.Period}, one period later").Border(TableBorder.Rounded)
            .AddColumn("Support").AddColumn("Group").AddColumn("Schools (low-result)", c => c.RightAligned()).AddColumn("With data", c => c.RightAligned())
            .AddColumn("No longer low", c => c.RightAligned()).AddColumn("Results index change", c => c.RightAligned());
        foreach (var row in effect.Rows)
        {
            foreach (var (group, title) in new[] { (row.Supported, "supported"), (row.Comparison, "comparable, no support") })
            {
                var later = group.Later.Count > 0 ? group.Later[0] : null;
                table.AddRow(
                    Markup.Escape(row.KindTitle), title, $"{group.Schools} ({group.InGroup})", later is null ? "—" : $"{later.Observed}",
                    later is null ? "—" : later.Withheld ? "withheld (too few)" : later.NoLongerLowShare is { } share ? $"{share:P0} ({later.Left + later.Leaving} of {later.InGroupObserved})" : "—",
                    later?.MeanResultsIndexChange is { } change ? $"{change:+0.00;-0.00;0.00} ({later.ResultsIndexCompared})" : "—");
            }
        }

        AnsiConsole.Write(table);
    }
}
