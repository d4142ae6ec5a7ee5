using System.CommandLine;

namespace SchoolRisk.Cli.Uploads;

/// <summary><c>schoolrisk uploads</c>: check a file as an upload would read it, upload it as a municipality would, and grant a municipality its upload access.</summary>
public static class UploadsCommand
{
    public static Command Create()
    {
        var connection = new StorageConnection();
        var command = new Command("uploads", "Municipalities' uploads: check a file, upload it, grant upload access.")
        {
            UploadCheckCommand.Create(),
            UploadPutCommand.Create(connection),
            UploadGrantCommand.Create(connection),
        };
        connection.AddTo(command);
        return command;
    }
}
