using System.CommandLine;
using SchoolRisk.Cli.Demo;
using SchoolRisk.Cli.Samples;

var root = new RootCommand("School risk zones: the regional education quality workflow, run locally.")
{
    DemoCommand.Create(),
    SamplesCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
