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

namespace SchoolRisk.Cli;

/// <summary>The <c>schoolrisk</c> command and its subcommands, for <c>Program</c> and for the tests that parse the command lines the docs show.</summary>
public static class SchoolRiskCommand
{
    /// <summary>A new root command with every subcommand.</summary>
    public static RootCommand Create() => new("School risk zones: the regional education quality workflow, run locally.")
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
}
