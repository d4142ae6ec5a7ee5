using System.CommandLine;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.LocalHost;
using Spectre.Console;

namespace SchoolRisk.Cli.Samples;

/// <summary><c>samples</c>: regenerates the sample registry and uploads from the fixed seed.</summary>
public static class SamplesCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--output") { Description = "Folder to write to. Default: samples/ of the repository." };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => SampleDataGenerator.DefaultSeed };
        var command = new Command("samples", "Write the sample school registry, and one upload of school indicators and one of rubric scores per municipality of the sample region.") { output, seed };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = RepositoryLayout.FindRoot(Directory.GetCurrentDirectory());
            var folder = parse.GetValue(output) ?? Path.Combine(root, "samples");
            var rules = await RuleSet.LoadAsync(await RuleFiles.ReadDirectoryAsync(Path.Combine(root, "rules"), cancellationToken), cancellationToken);
            await SampleDataGenerator.WriteAsync(folder, rules.Rubrics, parse.GetValue(seed), cancellationToken);
            AnsiConsole.MarkupLine($"Sample data written to [blue]{Markup.Escape(folder)}[/].");
            return 0;
        });
        return command;
    }
}
