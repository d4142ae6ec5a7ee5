namespace SchoolRisk.Domain.Evaluation;

/// <summary>Reads rule files from a folder: every <c>*.json</c> file directly in it is one workflow.</summary>
public static class RuleFiles
{
    public static async Task<IReadOnlyList<RuleFile>> ReadDirectoryAsync(string directory, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(directory))
        {
            throw new RuleSetException($"Папки правил «{Path.GetFullPath(directory)}» нет.");
        }

        var files = new List<RuleFile>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            files.Add(new RuleFile(Path.GetFileName(path), await File.ReadAllTextAsync(path, cancellationToken)));
        }

        return files;
    }
}
