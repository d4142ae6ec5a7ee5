using System.CommandLine;
using SchoolRisk.Cli.Demo;
using SchoolRisk.Cli.Docs;
using SchoolRisk.Cli.Federal;
using SchoolRisk.Cli.Keys;
using SchoolRisk.Cli.Notices;
using SchoolRisk.Cli.Packaging;
using SchoolRisk.Cli.Rules;
using SchoolRisk.Cli.Samples;
using SchoolRisk.Cli.Support;
using SchoolRisk.Cli.Templates;
using SchoolRisk.Cli.Uploads;
using Spectre.Console;

// Written to a file or a pipe, lines are not wrapped at a terminal's width: messages stay whole for whoever reads or parses them.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 4096;
}

var root = new RootCommand("School risk zones: the regional education quality workflow, run locally.")
{
    DemoCommand.Create(),
    SamplesCommand.Create(),
    TemplateCommand.Create(),
    UploadColumnsDoc.Create(),
    RulesCommand.Create(),
    NoticesCommand.Create(),
    KeysCommand.Create(),
    PackageCommand.Create(),
    UploadsCommand.Create(),
    SupportCommand.Create(),
    FederalCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
