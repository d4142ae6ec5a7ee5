using System.CommandLine;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Federal;
using SchoolRisk.Storage.Federal;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;
using Spectre.Console;

namespace SchoolRisk.Cli.Federal;

/// <summary>
/// <c>schoolrisk federal show --period &lt;p&gt; [--municipality &lt;id&gt;]</c>: the period's stored federal list beside the
/// regional low-result group, as the committee sees it (<see cref="FederalQuery"/>): the file, the counts, the schools on
/// the federal list but not in the regional group and the reverse, and the risk factors assessed high. Exit code 0, or 1
/// when the period has no federal list (or the period or municipality is no id).
/// </summary>
public static class FederalShowCommand
{
    public static Command Create(StorageConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var period = new Option<string>("--period") { Description = "The school year, for example 2024-2025.", Required = true };
        var municipality = new Option<string?>("--municipality") { Description = "One municipality's schools only, for example gatchinsky." };
        var command = new Command("show", "Show a period's federal list beside the regional group of low-result schools.") { period, municipality };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var account = connection.Open(parse);
            var query = new FederalQuery(new FederalListTable(account), new ResultTable(account, TimeProvider.System), new RecipientListBlob(account));
            var answer = await query.GetAsync(AccessScope.Of(null, masterKey: true), parse.GetValue(period), parse.GetValue(municipality), cancellationToken);
            if (answer.Value is not { } view)
            {
                AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(answer.Message)}[/]");
                return 1;
            }

            AnsiConsole.MarkupLine($"Федеральный перечень ШНОР за {view.Period}: файл «{Markup.Escape(view.FileName)}», школ в файле — {view.Schools.Count}.");
            AnsiConsole.MarkupLine($"В федеральном перечне — {view.FederalCount}, в региональной группе ШНОР — {view.RegionalCount}, в обоих — {view.Both.Count}.");
            Print("В федеральном перечне, но не в региональной группе", view.FederalOnly);
            Print("В региональной группе, но не в федеральном перечне", view.RegionalOnly);
            var high = view.Schools.Where(school => school.Profile.Values.Contains(FederalRiskLevel.High)).ToList();
            AnsiConsole.MarkupLine($"Школ с высоким уровнем хотя бы одного фактора риска: {high.Count}.");
            foreach (var factor in view.Factors)
            {
                var count = view.Schools.Count(school => school.Profile.GetValueOrDefault(factor.Id, FederalRiskLevel.Low) == FederalRiskLevel.High);
                if (count > 0)
                {
                    AnsiConsole.MarkupLine($"  {Markup.Escape(factor.Title)}: высокий — {count}");
                }
            }

            return 0;
        });
        return command;
    }

    private static void Print(string heading, IReadOnlyList<ComparedSchoolView> schools)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(heading)}: {schools.Count}[/]");
        foreach (var school in schools)
        {
            AnsiConsole.MarkupLine($"  {Markup.Escape(school.MunicipalityName)}: {Markup.Escape(school.SchoolId)} {Markup.Escape(school.SchoolName)}");
        }
    }
}
