using System.CommandLine;
using System.Globalization;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Uploads;
using Spectre.Console;

namespace SchoolRisk.Cli.Uploads;

/// <summary>
/// <c>schoolrisk uploads grant</c>: issues a municipality's upload access, a SAS limited to its own
/// <c>uploads/{period}/{municipality}/</c> folder (see <see cref="UploadAccess"/>), after checking the registry knows the
/// municipality. In Azure it is a user delegation SAS (<c>--account-name</c>, at most 7 days): the caller's identity
/// needs Storage Blob Data Contributor (or Owner) on the account, or at least the delegation key permission. Against
/// the local emulator the SAS is printed but cannot be used: Azurite refuses a directory SAS, and the command says to
/// upload with <c>schoolrisk uploads put</c> instead.
/// </summary>
public static class UploadGrantCommand
{
    public static Command Create(StorageConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var municipality = new Option<string>("--municipality") { Description = "The municipality's id in the registry, for example gatchinsky.", Required = true };
        var period = new Option<string>("--period") { Description = "The school year the uploads are for, for example 2023-2024.", Required = true };
        var days = new Option<double>("--days") { Description = "How long the access lasts, in days (at most 7 with --account-name).", DefaultValueFactory = _ => 7 };
        var permissions = new Option<string>("--permissions")
        {
            Description = "SAS permissions: rc reads and creates files but never overwrites or deletes an original; add w to allow overwriting.",
            DefaultValueFactory = _ => UploadAccess.DefaultPermissions,
        };
        var grant = new Command("grant", "Issue a SAS that lets one municipality upload to its own folder of a period, and nowhere else.") { municipality, period, days, permissions };
        grant.SetAction(async (parse, cancellationToken) =>
        {
            var account = connection.Open(parse);
            var text = parse.GetValue(municipality)!;
            var registry = await new SchoolRegistryBlob(account).LoadAsync(cancellationToken);
            if (!MunicipalityId.TryParse(text, out var id) || !registry.InMunicipality(id).Any())
            {
                AnsiConsole.MarkupLine($"[red]No school of municipality '{Markup.Escape(text)}' is in the registry ({account.Options.RegistryContainer}/{account.Options.RegistryBlob}); check the id.[/]");
                return 1;
            }

            var access = await new UploadAccess(account, TimeProvider.System)
                .GrantAsync(Period.Parse(parse.GetValue(period)!), id, TimeSpan.FromDays(parse.GetValue(days)), parse.GetValue(permissions)!, cancellationToken);
            AnsiConsole.MarkupLine($"Upload access for [bold]{id}[/], permissions {access.Permissions}, until {access.ExpiresOn.ToString("u", CultureInfo.InvariantCulture)}:");
            Console.WriteLine(access.FolderUrl);
            AnsiConsole.MarkupLine("To upload a file (a new name each time; the original is kept):");
            Console.WriteLine($"curl -X PUT -H 'x-ms-blob-type: BlockBlob' --data-binary @schools.xlsx '{access.FileUrl("schools.xlsx")}'");
            if (account.IsLocalEmulator)
            {
                AnsiConsole.MarkupLine(
                    "[yellow]Эта ссылка действует в Azure, но не в локальном эмуляторе: Azurite не принимает SAS на папку (directory SAS). " +
                    "Локально загружайте файл командой:[/]");
                Console.WriteLine($"schoolrisk uploads put --connection-string '{connection.ConnectionStringOf(parse)}' --municipality {id} --period {parse.GetValue(period)} schools.xlsx");
            }

            return 0;
        });
        return grant;
    }
}
