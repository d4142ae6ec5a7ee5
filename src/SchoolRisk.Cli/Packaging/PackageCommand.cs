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
        var command = new Command("package", "Build the zip Azure Functions runs: the isolated-worker app's publish output (host.json, functions.metadata, worker.config.json, rules/, site/).") { output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = RepositoryLayout.FindRoot(Directory.GetCurrentDirectory());
            await FunctionPackage.CreateAsync(root, Path.GetFullPath(parse.GetValue(output)!, root), line => AnsiConsole.MarkupLine(Markup.Escape(line)), cancellationToken);
            return 0;
        });
        return command;
    }
}
