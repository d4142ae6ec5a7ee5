using SchoolRisk.Cli;
using Spectre.Console;

// Written to a file or a pipe, lines are not wrapped at a terminal's width: messages stay whole for whoever reads or parses them.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 4096;
}

return await SchoolRiskCommand.Create().Parse(args).InvokeAsync();
