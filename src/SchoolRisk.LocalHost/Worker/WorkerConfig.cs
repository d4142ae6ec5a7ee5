using System.Text.Json;

namespace SchoolRisk.LocalHost.Worker;

/// <summary>
/// <c>worker.config.json</c> of an isolated-worker app's output folder (written by the Worker SDK): how the Functions
/// host starts the worker. The command is <c>{defaultExecutablePath} {arguments} {defaultWorkerPath} {workerArguments}</c>
/// followed by the host's own arguments, in the app folder (<c>DefaultWorkerProcessFactory</c> and
/// <c>RpcWorkerContext.GetFormattedArguments</c> in Azure/azure-functions-host).
/// </summary>
/// <param name="Executable">The program: <c>dotnet</c> for a framework-dependent build, or an apphost path.</param>
/// <param name="ExecutableArguments">Arguments before the worker path (<c>description.arguments</c>).</param>
/// <param name="WorkerPath">The app's assembly, relative to the app folder (<c>SchoolRisk.Functions.dll</c>); may be empty.</param>
/// <param name="WorkerArguments">Arguments after the worker path (<c>description.workerArguments</c>).</param>
public sealed record WorkerConfig(string Executable, IReadOnlyList<string> ExecutableArguments, string WorkerPath, IReadOnlyList<string> WorkerArguments)
{
    public const string FileName = "worker.config.json";

    /// <exception cref="InvalidOperationException">The folder has no <c>worker.config.json</c>, or it names no executable.</exception>
    public static WorkerConfig Load(string appFolder)
    {
        var path = Path.Combine(appFolder, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"No {FileName} in '{Path.GetFullPath(appFolder)}': the script root must be an isolated-worker app's build or publish output.");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var description = document.RootElement.GetProperty("description");
        var executable = Text(description, "defaultExecutablePath")
            ?? throw new InvalidOperationException($"{path}: description.defaultExecutablePath is missing.");
        return new WorkerConfig(
            Environment.ExpandEnvironmentVariables(executable),
            List(description, "arguments"),
            Text(description, "defaultWorkerPath") ?? string.Empty,
            List(description, "workerArguments"));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> List(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(item => item.GetString() ?? string.Empty)]
            : [];
}
