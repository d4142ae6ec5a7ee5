using System.CommandLine;
using SchoolRisk.LocalHost;
using Spectre.Console;

namespace SchoolRisk.Cli.Packaging;

/// <summary><c>schoolrisk package</c>: builds the deployment zip (<see cref="FunctionPackage"/>).</summary>
public static class PackageCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output") { Description = "The zip to write.", DefaultValueFactory = _ => Path.Combine("artifacts", "schoolrisk-functions.zip") };
        var configuration = new Option<string>("--configuration", "-c") { Description = "The build configuration to publish.", DefaultValueFactory = _ => "Release" };
        var noBuild = new Option<bool>("--no-build") { Description = "Publish what 'dotnet build -c <configuration>' already built instead of building again." };
        var command = new Command("package", "Build the zip Azure Functions runs: the isolated-worker app's publish output (host.json, functions.metadata, worker.config.json, rules/, site/).")
        {
            output, configuration, noBuild,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = RepositoryLayout.FindRoot(Directory.GetCurrentDirectory());
            try
            {
                await FunctionPackage.CreateAsync(
                    root, Path.GetFullPath(parse.GetValue(output)!, root), (parse.GetValue(configuration)!, parse.GetValue(noBuild)), line => AnsiConsole.MarkupLine(Markup.Escape(line)), cancellationToken);
                return 0;
            }
            catch (InvalidOperationException exception)
            {
                // A failed publish: its output says why (with --no-build, most often that configuration was not built).
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(exception.Message)}[/]");
                return 1;
            }
        });
        return command;
    }
}
