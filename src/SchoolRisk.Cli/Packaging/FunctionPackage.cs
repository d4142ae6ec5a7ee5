using System.Diagnostics;
using System.IO.Compression;

namespace SchoolRisk.Cli.Packaging;

/// <summary>
/// The zip Azure Functions runs: <c>host.json</c> at the root, one folder per function with its <c>function.json</c>,
/// the default rule files in <c>rules/</c>, and the custom handler published self-contained for linux-x64 where
/// <c>host.json</c>'s <c>defaultExecutablePath</c> says (<c>handler/SchoolRisk.Functions</c>), its Unix file modes kept
/// so the executable stays executable.
/// </summary>
public static class FunctionPackage
{
    public const string RuntimeIdentifier = "linux-x64";

    /// <param name="repositoryRoot">The repository: host.json, the function folders, rules/, src/SchoolRisk.Functions.</param>
    /// <param name="output">The zip to write (replaced if it exists).</param>
    /// <param name="log">Progress lines.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    public static async Task CreateAsync(string repositoryRoot, string output, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var manifest = FunctionAppManifest.Load(repositoryRoot);
        var executable = manifest.Handler?.DefaultExecutablePath
            ?? throw new InvalidOperationException("host.json has no customHandler.description.defaultExecutablePath.");
        var staging = Directory.CreateTempSubdirectory("schoolrisk-package-");
        try
        {
            var handlerFolder = Path.Combine(staging.FullName, Path.GetDirectoryName(executable)!);
            log($"Publishing the handler for {RuntimeIdentifier} to {Path.GetDirectoryName(executable)}/ ...");
            await PublishAsync(Path.Combine(repositoryRoot, "src", "SchoolRisk.Functions", "SchoolRisk.Functions.csproj"), handlerFolder, cancellationToken);
            if (!File.Exists(Path.Combine(staging.FullName, executable)))
            {
                throw new InvalidOperationException($"The publish made no {executable}, the executable host.json names.");
            }

            File.Copy(Path.Combine(repositoryRoot, "host.json"), Path.Combine(staging.FullName, "host.json"));
            foreach (var function in manifest.Functions)
            {
                Directory.CreateDirectory(Path.Combine(staging.FullName, function.Name));
                File.Copy(Path.Combine(repositoryRoot, function.Name, "function.json"), Path.Combine(staging.FullName, function.Name, "function.json"));
            }

            Directory.CreateDirectory(Path.Combine(staging.FullName, "rules"));
            foreach (var rule in Directory.EnumerateFiles(Path.Combine(repositoryRoot, "rules"), "*.json"))
            {
                File.Copy(rule, Path.Combine(staging.FullName, "rules", Path.GetFileName(rule)));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            File.Delete(output);
            Zip(staging.FullName, output);
            log($"Wrote {output}: {manifest.Functions.Count} functions, {new FileInfo(output).Length / (1024 * 1024)} MiB.");
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }

    private static async Task PublishAsync(string project, string folder, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", project, "-c", "Release", "-r", RuntimeIdentifier, "--self-contained", "true", "-o", folder, "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}): {await output}{await errors}");
        }
    }

    private static void Zip(string folder, string output)
    {
        using var zip = ZipFile.Open(output, ZipArchiveMode.Create);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var entry = zip.CreateEntryFromFile(file, Path.GetRelativePath(folder, file).Replace('\\', '/'), CompressionLevel.Optimal);
            if (!OperatingSystem.IsWindows())
            {
                // The upper 16 bits of a zip entry's external attributes hold the Unix mode (regular file, 0755 or 0644).
                entry.ExternalAttributes = (int)(0x8000 | (uint)File.GetUnixFileMode(file)) << 16;
            }
        }
    }
}
