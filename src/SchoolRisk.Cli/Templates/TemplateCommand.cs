using System.CommandLine;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads.Writing;
using SchoolRisk.LocalHost;
using Spectre.Console;

namespace SchoolRisk.Cli.Templates;

/// <summary>
/// <c>template</c>: writes a ready-to-fill upload for one municipality (<see cref="UploadTemplate"/>, which the page's
/// <c>UploadTemplate</c> function serves too), as CSV (UTF-8 with BOM, <c>;</c>, decimal comma: what Excel on a Russian
/// Windows opens as is) and as XLSX, with the current catalog's columns under Russian headers and the municipality's
/// schools from the registry filled in.
/// </summary>
public static class TemplateCommand
{
    public static Command Create()
    {
        var municipality = new Option<string>("--municipality") { Description = "Municipality id, for example gatchinsky.", Required = true };
        var registry = new Option<string?>("--registry") { Description = "School registry CSV. Default: samples/registry/schools.csv." };
        var output = new Option<string>("--output") { Description = "Folder to write to.", DefaultValueFactory = _ => "." };
        var period = new Option<string>("--period") { Description = "School year of the title row.", DefaultValueFactory = _ => "2023-2024" };
        var command = new Command("template", "Write a CSV and an XLSX upload template with a municipality's schools.") { municipality, registry, output, period };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!MunicipalityId.TryParse(parse.GetValue(municipality), out var municipalityId))
            {
                AnsiConsole.MarkupLine($"[red]«{Markup.Escape(parse.GetValue(municipality)!)}» не является кодом муниципалитета (латинские строчные буквы, цифры и дефис).[/]");
                return 2;
            }

            string registryFile;
            try
            {
                registryFile = parse.GetValue(registry)
                    ?? Path.Combine(RepositoryLayout.FindRoot(Directory.GetCurrentDirectory()), "samples", "registry", "schools.csv");
            }
            catch (InvalidOperationException)
            {
                AnsiConsole.MarkupLine("[red]Укажите реестр школ: --registry <файл schools.csv> (вне папки репозитория образца реестра нет).[/]");
                return 2;
            }

            if (!File.Exists(registryFile))
            {
                AnsiConsole.MarkupLine($"[red]Файла реестра «{Markup.Escape(registryFile)}» нет.[/]");
                return 2;
            }

            if (!Period.TryParse(parse.GetValue(period), out var schoolYear))
            {
                AnsiConsole.MarkupLine($"[red]«{Markup.Escape(parse.GetValue(period) ?? string.Empty)}» не является учебным годом вида 2023-2024.[/]");
                return 2;
            }

            var files = await WriteAsync(municipalityId, registryFile, parse.GetValue(output)!, schoolYear, cancellationToken);
            foreach (var file in files)
            {
                AnsiConsole.MarkupLine($"Template written: [blue]{Markup.Escape(file)}[/]");
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// Writes <c>template-{municipality}.csv</c> and <c>.xlsx</c> (<see cref="UploadTemplate"/>) into <paramref name="folder"/>
    /// from the registry file <paramref name="registryFile"/>; returns their paths.
    /// </summary>
    /// <exception cref="InvalidOperationException">The registry has no school of the municipality.</exception>
    public static async Task<IReadOnlyList<string>> WriteAsync(
        MunicipalityId municipalityId, string registryFile, string folder, Period period, CancellationToken cancellationToken)
    {
        SchoolRegistry registry;
        await using (var content = File.OpenRead(registryFile))
        {
            registry = await SchoolRegistry.ReadCsvAsync(content, Path.GetFileName(registryFile), cancellationToken);
        }

        var sheet = UploadTemplate.For(registry, municipalityId, period)
            ?? throw new InvalidOperationException($"The registry {registryFile} has no schools of municipality '{municipalityId}'.");
        Directory.CreateDirectory(folder);
        List<string> written = [];
        foreach (var format in new[] { UploadTemplateFormat.Csv, UploadTemplateFormat.Xlsx })
        {
            var path = Path.Combine(folder, UploadTemplate.FileName(municipalityId, format));
            await using (var file = File.Create(path))
            {
                await UploadTemplate.WriteAsync(sheet, format, file, cancellationToken);
            }

            written.Add(path);
        }

        return written;
    }
}
