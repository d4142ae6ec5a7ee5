using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Schools;
using Spectre.Console;

namespace SchoolRisk.Cli.Uploads;

/// <summary>
/// <c>schoolrisk uploads check &lt;file&gt; --municipality &lt;id&gt; [--registry &lt;schools.csv&gt;] [--json]</c>: reads a
/// file exactly as an upload of that municipality would be read (<see cref="UploadCheck"/>), with no storage and no
/// server, and prints what was read, in Russian for the municipal specialist who checks a file before sending it: each
/// school's values, the columns recognised and not, the rows left out and every problem; as JSON with <c>--json</c>.
/// It reads schools' files; rubric scores are read when uploaded. Exit code 0 when the file would be accepted with no
/// problem, 1 when it would be accepted with problems (rows skipped) or rejected, 2 when the file is not there.
/// </summary>
public static class UploadCheckCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The file to check (.xlsx, .xls, .csv, .txt, .tsv, .json)." };
        var municipality = new Option<string>("--municipality") { Description = "The municipality whose upload it is, for example gatchinsky.", Required = true };
        var registry = new Option<FileInfo?>("--registry") { Description = "The school registry (schools.csv) to check ids against; without it, ids are not checked." };
        var json = new Option<bool>("--json") { Description = "Print what was read as JSON." };
        var command = new Command("check", "Read a file exactly as an upload would be read, with no storage and no server, and print what was read.")
        {
            file, municipality, registry, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                AnsiConsole.MarkupLine($"[red]Файл «{Markup.Escape(path.FullName)}» не найден.[/]");
                return 2;
            }

            if (!MunicipalityId.TryParse(parse.GetValue(municipality), out var municipalityId))
            {
                AnsiConsole.MarkupLine($"[red]«{Markup.Escape(parse.GetValue(municipality)!)}» не является кодом муниципалитета (латинские строчные буквы, цифры и дефис).[/]");
                return 2;
            }

            SchoolRegistry? schools = null;
            if (parse.GetValue(registry) is { } registryFile)
            {
                await using var content = registryFile.OpenRead();
                schools = await SchoolRegistry.ReadCsvAsync(content, registryFile.Name, cancellationToken);
            }

            var check = await UploadCheck.RunAsync(path.FullName, municipalityId, schools, cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(check, Json));
            }
            else
            {
                Print(check);
            }

            return check.Rejection is null && check.ProblemCount == 0 ? 0 : 1;
        });
        return command;
    }

    private static void Print(UploadCheck check)
    {
        AnsiConsole.MarkupLine($"Файл [bold]{Markup.Escape(check.File)}[/] ({check.Format ?? "формат не определён"}{(check.Sheet is { } sheet ? $", лист «{Markup.Escape(sheet)}»" : string.Empty)}), муниципалитет {check.MunicipalityId}.");
        if (!check.RegistryChecked)
        {
            AnsiConsole.MarkupLine("[yellow]Реестр не указан (--registry): коды школ не сверены с реестром.[/]");
        }

        if (check.Columns.Count > 0)
        {
            var columns = new Table().AddColumns("Столбец в файле", "Показатель", "Код");
            foreach (var column in check.Columns)
            {
                columns.AddRow(Markup.Escape(column.Header), Markup.Escape(column.Title), column.Indicator);
            }

            AnsiConsole.Write(columns.Title("Распознанные столбцы"));
        }

        foreach (var column in check.UnrecognisedColumns)
        {
            AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(column.Message(check.File))}[/]");
        }

        if (check.Schools.Count > 0)
        {
            var schools = new Table().AddColumns(["Строка", "Школа", .. check.Columns.Select(column => Markup.Escape(column.Indicator))]);
            foreach (var school in check.Schools)
            {
                schools.AddRow([$"{school.Row}", Markup.Escape($"{school.SchoolId} {school.SchoolName}"), .. check.Columns.Select(column => school.Values[column.Indicator]?.ToString(Russian) ?? "—")]);
            }

            AnsiConsole.Write(schools.Title($"Прочитано школ: {check.ValidRows} из {check.DataRows} строк"));
        }

        foreach (var note in check.Notes)
        {
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(note.Message)}[/]");
        }

        if (check.Problems.Count > 0)
        {
            var problems = new Table().AddColumns("Строка", "Столбец", "Значение", "Ошибка");
            foreach (var problem in check.Problems)
            {
                problems.AddRow($"{problem.Row}", Markup.Escape(problem.Column ?? string.Empty), Markup.Escape(Domain.Uploads.UploadText.Quote(problem.Value)), Markup.Escape(problem.Message));
            }

            AnsiConsole.Write(problems.Title($"Ошибки: {check.ProblemCount}; строки с ошибками будут пропущены"));
        }

        AnsiConsole.MarkupLine(check.Rejection is { } rejection
            ? $"[red]Файл будет отклонён: {Markup.Escape(rejection)}[/]"
            : check.ProblemCount == 0 ? "[green]Файл будет принят без замечаний.[/]" : $"[yellow]Файл будет принят; пропущено строк: {check.DataRows - check.ValidRows}.[/]");
    }
}
