namespace SchoolRisk.Integration.Tests.Support;

/// <summary>A temporary function app root: a <c>host.json</c> and function folders with their <c>function.json</c>.</summary>
public sealed class ScriptRoot : IDisposable
{
    private ScriptRoot(string path) => Path = path;

    public string Path { get; }

    public static ScriptRoot Create(string hostJson, params (string Function, string FunctionJson)[] functions)
    {
        var root = new ScriptRoot(Directory.CreateTempSubdirectory("schoolrisk-script-").FullName);
        File.WriteAllText(System.IO.Path.Combine(root.Path, "host.json"), hostJson);
        foreach (var (function, json) in functions)
        {
            Directory.CreateDirectory(System.IO.Path.Combine(root.Path, function));
            File.WriteAllText(System.IO.Path.Combine(root.Path, function, "function.json"), json);
        }

        return root;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
