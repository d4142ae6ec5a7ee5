using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.Uploads;
using Spectre.Console;

namespace SchoolRisk.Cli.Uploads;

/// <summary>
/// <c>schoolrisk uploads put --municipality &lt;id&gt; --period &lt;p&gt; &lt;file&gt;</c>: uploads a file as a municipality
/// would, to <c>uploads/{period}/{municipality}/</c> (under a new name when the name is taken: an original is never
/// overwritten), waits for the outcome and prints it in Russian: status, schools evaluated, problems, columns not
/// recognised, the report. It reaches storage with the connection string (the local stack) or <c>--account-name</c>
/// and the caller's Microsoft Entra identity; with <c>--sas</c> (the folder link <c>uploads grant</c> issues) it only
/// uploads, since such a link reads nothing else: the outcome then arrives by letter. <c>--rubrics</c> uploads rubric
/// scores to the municipality's <c>rubrics/</c> folder. Exit code 0 when the upload completed (with or without
/// problems), 1 when it was rejected, a duplicate or superseded, or no outcome came in time, 2 when it could not be
/// uploaded.
/// </summary>
public static class UploadPutCommand
{
    private static readonly UploadStatus[] Final = [UploadStatus.Completed, UploadStatus.Rejected, UploadStatus.Duplicate, UploadStatus.Superseded];

    public static Command Create(StorageConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var file = new Argument<FileInfo>("file") { Description = "The file to upload (.xlsx, .xls, .csv, .txt, .tsv, .json)." };
        var municipality = new Option<string>("--municipality") { Description = "The municipality whose upload it is, for example gatchinsky.", Required = true };
        var period = new Option<string>("--period") { Description = "The school year, for example 2023-2024.", Required = true };
        var sas = new Option<Uri?>("--sas") { Description = "The folder link with a SAS that 'uploads grant' issued; only uploads." };
        var timeout = new Option<int>("--timeout") { Description = "How long to wait for the outcome, in seconds.", DefaultValueFactory = _ => 120 };
        var rubrics = new Option<bool>("--rubrics") { Description = "The file holds rubric scores: upload it to the municipality's rubrics/ folder." };
        var command = new Command("put", "Upload a file as a municipality would, wait for the outcome and print it.") { file, municipality, period, sas, timeout, rubrics };
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

            if (!MunicipalityId.TryParse(parse.GetValue(municipality), out var id))
            {
                AnsiConsole.MarkupLine($"[red]«{Markup.Escape(parse.GetValue(municipality)!)}» не является кодом муниципалитета (латинские строчные буквы, цифры и дефис).[/]");
                return 2;
            }

            if (parse.GetValue(sas) is { } link)
            {
                var target = parse.GetValue(rubrics) ? new UriBuilder(link) { Path = $"{link.AbsolutePath.TrimEnd('/')}/{Domain.Uploads.UploadPath.RubricsFolder}" }.Uri : link;
                var name = await UploadWithSasAsync(target, path, cancellationToken);
                AnsiConsole.MarkupLine($"Файл загружен как «{Markup.Escape(name)}». Итог проверки придёт письмом (ссылка SAS даёт только загрузку).");
                return 0;
            }

            var folder = parse.GetValue(rubrics) ? $"{schoolYear}/{id}/{Domain.Uploads.UploadPath.RubricsFolder}" : $"{schoolYear}/{id}";
            if (NameProblem(folder, path.Name) is { } nameProblem)
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(nameProblem)} Переименуйте файл.[/]");
                return 2;
            }

            var account = connection.Open(parse);
            string blobName;
            try
            {
                blobName = await UploadAsync(account, folder, path, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status == 409)
            {
                AnsiConsole.MarkupLine($"[red]В папке uploads/{Markup.Escape(folder)} уже есть «{Markup.Escape(path.Name)}» и его копия с сегодняшним временем (их загрузили одновременно с этой): повторите загрузку через секунду.[/]");
                return 2;
            }
            catch (Exception exception) when (exception is RequestFailedException or AggregateException or HttpRequestException)
            {
                AnsiConsole.MarkupLine(
                    $"[red]Не удаётся загрузить файл в хранилище {Markup.Escape(account.Blobs.Uri.ToString())}: {Markup.Escape(exception.Message.Split('\n')[0])}[/]");
                AnsiConsole.MarkupLine(account.IsLocalEmulator
                    ? "Локально укажите --connection-string: его печатает ./demo.sh --keep-running."
                    : "Проверьте --account-name и права вашей учётной записи (Storage Blob Data Contributor на папку загрузок).");
                return 2;
            }

            AnsiConsole.MarkupLine($"Файл загружен: uploads/{Markup.Escape(blobName)}. Ждём итог проверки…");
            var record = await WaitAsync(account, schoolYear, id, blobName, TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken);
            await PrintAsync(account, record, cancellationToken);
            return record?.Status == UploadStatus.Completed ? 0 : 1;
        });
        return command;
    }

    /// <summary>
    /// Why <paramref name="fileName"/> cannot be uploaded under its own name into <paramref name="folder"/>, in Russian, or
    /// <c>null</c>: the blob name must be an upload path (<see cref="Domain.Uploads.UploadPath.TryParse"/>), and Blob
    /// storage reads «\» as «/» and advises against a name ending in «.» (Naming and referencing containers, blobs and
    /// metadata), so a name with either would land elsewhere than the outcome is looked for.
    /// </summary>
    private static string? NameProblem(string folder, string fileName)
    {
        if (fileName.Contains('\\', StringComparison.Ordinal) || fileName.EndsWith('.'))
        {
            return $"Имя файла «{fileName}» содержит «\\» или оканчивается точкой: хранилище сохранит его под другим именем.";
        }

        return Domain.Uploads.UploadPath.TryParse($"{folder}/{fileName}", out _, out var error) ? null : error;
    }

    /// <summary>
    /// Uploads under the file's name, or, when the folder already has it (also when another upload took the name a
    /// moment ago), under the name with the time added; an original is never overwritten.
    /// </summary>
    /// <exception cref="RequestFailedException">409 when both names are taken (uploads of the same file at once).</exception>
    private static async Task<string> UploadAsync(StorageAccount account, string folder, FileInfo path, CancellationToken cancellationToken)
    {
        var uploads = new UploadBlobs(account);
        foreach (var blobName in new[] { $"{folder}/{path.Name}", $"{folder}/{Timestamped(path)}" })
        {
            try
            {
                await using var content = path.OpenRead();
                await uploads.UploadAsync(blobName, content, cancellationToken);
                return blobName;
            }
            catch (RequestFailedException exception) when (exception.Status == 409 && blobName.EndsWith($"/{path.Name}", StringComparison.Ordinal))
            {
                // The name is taken: try the name with the time added.
            }
        }

        throw new UnreachableException();
    }

    private static async Task<string> UploadWithSasAsync(Uri folder, FileInfo path, CancellationToken cancellationToken)
    {
        foreach (var name in new[] { path.Name, Timestamped(path) })
        {
            var blob = new BlobClient(new UriBuilder(folder) { Path = $"{folder.AbsolutePath.TrimEnd('/')}/{Uri.EscapeDataString(name)}" }.Uri);
            try
            {
                await using var content = path.OpenRead();
                await blob.UploadAsync(content, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
                return name;
            }
            catch (RequestFailedException exception) when (exception.Status == 409)
            {
                // The name is taken: an original is never overwritten; try the name with the time added.
            }
        }

        throw new InvalidOperationException($"The folder already holds {path.Name} and its timestamped twin; rename the file.");
    }

    /// <summary>The file's name with the time of now (UTC) added, for a folder that already holds the name: <c>{stem}-{yyyyMMdd-HHmmss}{ext}</c>.</summary>
    private static string Timestamped(FileInfo path) =>
        $"{Path.GetFileNameWithoutExtension(path.Name)}-{TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}{path.Extension}";

    private static async Task<UploadRecord?> WaitAsync(StorageAccount account, Period period, MunicipalityId municipality, string blobName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var statuses = new UploadStatusTable(account);
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        UploadRecord? record = null;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            record = await statuses.ListAsync(period, municipality, cancellationToken)
                .Where(upload => upload.BlobName == blobName).OrderByDescending(upload => upload.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
            if (record is not null && Final.Contains(record.Status))
            {
                return record;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        return record;
    }

    private static async Task PrintAsync(StorageAccount account, UploadRecord? record, CancellationToken cancellationToken)
    {
        if (record is null)
        {
            AnsiConsole.MarkupLine("[yellow]Итога пока нет: функция ещё не взяла файл в обработку. Проверьте позже или увеличьте --timeout.[/]");
            return;
        }

        AnsiConsole.MarkupLine($"Статус: [bold]{StatusText(record.Status)}[/].");
        switch (record.Status)
        {
            case UploadStatus.Completed:
                AnsiConsole.MarkupLine($"Оценено школ: {record.SchoolCount}; в зоне высокого риска: {record.HighCount}, среднего: {record.MediumCount}; пропущено строк: {record.SkippedRows}; ошибок: {record.ProblemCount}.");
                break;
            case UploadStatus.Duplicate:
                AnsiConsole.MarkupLine($"Такой же файл уже загружен и оценён (загрузка {record.DuplicateOf}); его результаты действуют, повторно не оценивается.");
                break;
            case UploadStatus.Superseded:
                AnsiConsole.MarkupLine($"Файл старше уже обработанной загрузки {record.SupersededBy}; он сохранён, но не оценивается.");
                break;
            case UploadStatus.Rejected or UploadStatus.Failed:
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(record.Error ?? string.Empty)}[/]");
                break;
        }

        if (record.ReportJson is { } reportBlob && await new ReportBlobs(account).TryReadTextAsync(reportBlob, cancellationToken) is { } json)
        {
            using var report = JsonDocument.Parse(json);
            foreach (var message in Messages(report.RootElement, "problems").Take(10))
            {
                AnsiConsole.MarkupLine($"  • {Markup.Escape(message)}");
            }

            foreach (var column in report.RootElement.GetProperty("unrecognisedColumns").EnumerateArray())
            {
                AnsiConsole.MarkupLine($"[yellow]  Столбец «{Markup.Escape(column.GetProperty("header").GetString() ?? string.Empty)}» не распознан и не прочитан" +
                    (column.TryGetProperty("suggestedIndicator", out var suggested) && suggested.GetString() is { } indicator ? $" (похож на {indicator})" : string.Empty) + ".[/]");
            }

            foreach (var message in Messages(report.RootElement, "notes"))
            {
                AnsiConsole.MarkupLine($"[grey]  {Markup.Escape(message)}[/]");
            }

            AnsiConsole.MarkupLine($"Полный отчёт: reports/{Markup.Escape(record.ReportCsv ?? reportBlob)}");
        }
    }

    private static IEnumerable<string> Messages(JsonElement report, string property) =>
        report.TryGetProperty(property, out var items) ? items.EnumerateArray().Select(item => item.GetProperty("message").GetString() ?? string.Empty) : [];

    private static string StatusText(UploadStatus status) => status switch
    {
        UploadStatus.Completed => "принят и оценён",
        UploadStatus.Rejected => "отклонён",
        UploadStatus.Duplicate => "повтор уже загруженного файла",
        UploadStatus.Superseded => "заменён более новой загрузкой",
        UploadStatus.Failed => "сбой системы (не ошибка в файле)",
        _ => "обрабатывается",
    };
}
