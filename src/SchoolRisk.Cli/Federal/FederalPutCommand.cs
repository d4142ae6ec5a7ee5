using System.CommandLine;
using System.Text.Json;
using Azure;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Federal;
using SchoolRisk.Storage.Reports;
using Spectre.Console;

namespace SchoolRisk.Cli.Federal;

/// <summary>
/// <c>schoolrisk federal put &lt;file&gt; --period &lt;p&gt;</c>: saves the committee's federal file (docs/federal-list.md) to
/// <c>registry/federal/{period}/</c> (under a new name when the name is taken: a file is never overwritten), where it
/// becomes the period's newest file, waits for its check's report and prints it in Russian: rows refused, columns not
/// read, which list the period has. Exit code 0 when the file is now the period's list, 1 when it was refused (the
/// earlier list stays) or no report came in time, 2 when it could not be saved.
/// </summary>
public static class FederalPutCommand
{
    public static Command Create(StorageConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var file = new Argument<FileInfo>("file") { Description = "The federal file (.xlsx, .xls, .csv)." };
        var period = new Option<string>("--period") { Description = "The school year, for example 2024-2025.", Required = true };
        var timeout = new Option<int>("--timeout") { Description = "How long to wait for the check's report, in seconds.", DefaultValueFactory = _ => 120 };
        var command = new Command("put", "Save a period's federal file, wait for its check and print it.") { file, period, timeout };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                AnsiConsole.MarkupLine($"[red]Файл «{Markup.Escape(path.FullName)}» не найден.[/]");
                return 2;
            }

            if (!Period.TryParse(parse.GetValue(period), out var schoolYear))
            {
                AnsiConsole.MarkupLine($"[red]«{Markup.Escape(parse.GetValue(period)!)}» не является учебным годом вида 2023-2024.[/]");
                return 2;
            }

            var account = connection.Open(parse);
            FederalFile saved;
            try
            {
                await using var content = path.OpenRead();
                saved = await new FederalFileBlobs(account, TimeProvider.System).UploadAsync(schoolYear, path.Name, content, cancellationToken);
            }
            catch (Exception exception) when (exception is RequestFailedException or AggregateException or HttpRequestException)
            {
                AnsiConsole.MarkupLine(
                    $"[red]Не удаётся сохранить файл в хранилище {Markup.Escape(account.Blobs.Uri.ToString())}: {Markup.Escape(exception.Message.Split('\n')[0])}[/]");
                return 2;
            }

            AnsiConsole.MarkupLine($"Файл сохранён: {Markup.Escape(account.Options.RegistryContainer)}/{Markup.Escape(saved.BlobName)}. Ждём итог проверки…");
            var report = await WaitAsync(account, saved, TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken);
            if (report is null)
            {
                AnsiConsole.MarkupLine("[yellow]Итога пока нет: функция ещё не проверила файл. Проверьте позже (schoolrisk federal show) или увеличьте --timeout.[/]");
                return 1;
            }

            using var json = JsonDocument.Parse(report);
            var root = json.RootElement;
            if (root.GetProperty("unusable").GetString() is { } unusable)
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(unusable)}[/]");
            }

            if (root.GetProperty("check") is { ValueKind: JsonValueKind.Object } check)
            {
                AnsiConsole.MarkupLine($"Строк с данными: {check.GetProperty("dataRows").GetInt32()}; учтено: {check.GetProperty("validRows").GetInt32()}; с ошибками: {check.GetProperty("problemCount").GetInt32()}.");
                foreach (var problem in check.GetProperty("problems").EnumerateArray().Take(10))
                {
                    AnsiConsole.MarkupLine($"  • {Markup.Escape(problem.GetProperty("message").GetString() ?? string.Empty)}");
                }

                foreach (var note in check.GetProperty("notes").EnumerateArray())
                {
                    AnsiConsole.MarkupLine($"[grey]  {Markup.Escape(note.GetProperty("message").GetString() ?? string.Empty)}[/]");
                }
            }

            AnsiConsole.MarkupLine(Markup.Escape(root.GetProperty("inUseText").GetString() ?? string.Empty));
            AnsiConsole.MarkupLine($"Полный отчёт: {Markup.Escape(account.Options.ReportsContainer)}/federal/{schoolYear}/{saved.VersionId}/report.csv");
            return root.GetProperty("inUse") is { ValueKind: JsonValueKind.Object } inUse && inUse.GetProperty("isThisFile").GetBoolean() ? 0 : 1;
        });
        return command;
    }

    /// <summary>The report's JSON once the check wrote it, polled each second until <paramref name="timeout"/>; <c>null</c> when it did not come.</summary>
    private static async Task<string?> WaitAsync(StorageAccount account, FederalFile saved, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var reports = new ReportBlobs(account);
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (await reports.TryReadTextAsync($"federal/{saved.Period}/{saved.VersionId}/report.json", cancellationToken) is { } json)
            {
                return json;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        return null;
    }
}
