using System.Diagnostics;
using System.IO.Compression;

namespace SchoolRisk.Cli.Packaging;

/// <summary>
/// The zip Azure Functions runs for an isolated-worker app on Flex Consumption (<c>dotnet-isolated</c>): the publish output
/// of <c>src/SchoolRisk.Functions</c> (framework-dependent, Release unless asked otherwise) at the zip's root: <c>SchoolRisk.Functions.dll</c>
/// and its dependencies, <c>host.json</c>, <c>worker.config.json</c> and <c>functions.metadata</c> (the Worker SDK's), the
/// host-side extensions in <c>.azurefunctions/</c>, the default rule files in <c>rules/</c> and the page in <c>site/</c>.
/// </summary>
public static class FunctionPackage
{
    /// <summary>The files without which the Functions host cannot run the app.</summary>
    public static IReadOnlyList<string> RequiredFiles { get; } = ["host.json", "worker.config.json", "functions.metadata", "SchoolRisk.Functions.dll"];

    /// <param name="repositoryRoot">The repository: src/SchoolRisk.Functions.</param>
    /// <param name="output">The zip to write (replaced if it exists).</param>
    /// <param name="build">The build configuration to publish, and whether to publish what it already built (<c>dotnet publish --no-build</c>, after a <c>dotnet build</c> of it) instead of building again.</param>
    /// <param name="log">Progress lines.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <exception cref="InvalidOperationException">The publish failed (with <c>--no-build</c>: also when that configuration was not built), or made no <see cref="RequiredFiles"/>.</exception>
    public static async Task CreateAsync(string repositoryRoot, string output, (string Configuration, bool NoBuild) build, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var staging = Directory.CreateTempSubdirectory("schoolrisk-package-");
        try
        {
            log($"Publishing src/SchoolRisk.Functions ({build.Configuration}{(build.NoBuild ? ", as built" : string.Empty)}) ...");
            await PublishAsync(Path.Combine(repositoryRoot, "src", "SchoolRisk.Functions", "SchoolRisk.Functions.csproj"), staging.FullName, build, cancellationToken);
            if (RequiredFiles.FirstOrDefault(file => !File.Exists(Path.Combine(staging.FullName, file))) is { } missing)
            {
                throw new InvalidOperationException($"The publish made no {missing}, which the Functions host needs.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            File.Delete(output);
            Zip(staging.FullName, output);
            log($"Wrote {output}: {new FileInfo(output).Length / (1024 * 1024)} MiB.");
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }

    private static async Task PublishAsync(string project, string folder, (string Configuration, bool NoBuild) build, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["publish", project, "-c", build.Configuration, "-o", folder, "-nologo", .. build.NoBuild ? ["--no-build"] : (string[])[]])
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
