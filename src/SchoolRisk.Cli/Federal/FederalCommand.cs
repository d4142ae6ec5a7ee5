using System.CommandLine;

namespace SchoolRisk.Cli.Federal;

/// <summary><c>schoolrisk federal</c>: the committee's federal list of low-result schools and risk profiles: save a period's file, show the stored list beside the regional group.</summary>
public static class FederalCommand
{
    public static Command Create()
    {
        var connection = new StorageConnection();
        var command = new Command("federal", "The federal list of low-result schools (ШНОР) and the federal risk profiles: save a period's file, show it beside the regional group.")
        {
            FederalPutCommand.Create(connection),
            FederalShowCommand.Create(connection),
        };
        connection.AddTo(command);
        return command;
    }
}
