namespace SchoolRisk.LocalHost;

/// <summary>Finds the repository root: the nearest folder above a start folder that holds <c>Serverless.sln</c> and <c>package.json</c>.</summary>
public static class RepositoryLayout
{
    public static string FindRoot(string? start = null)
    {
        for (var folder = new DirectoryInfo(start ?? AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Serverless.sln")) && File.Exists(Path.Combine(folder.FullName, "package.json")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above '{start ?? AppContext.BaseDirectory}' holds Serverless.sln and package.json: run from inside the repository.");
    }
}
