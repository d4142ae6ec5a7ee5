using System.Text;
using SchoolRisk.Cli;
using SchoolRisk.Cli.Samples;
using SchoolRisk.Storage.Uploads;

namespace SchoolRisk.Testing;

/// <summary>Uploads as a municipality makes them: a file written to the uploads container of a running deployment.</summary>
public static class DeploymentUploads
{
    /// <summary>Writes <paramref name="content"/> (UTF-8 text) to <c>uploads/{blobName}</c>.</summary>
    public static async Task UploadAsync(this LocalDeployment deployment, string blobName, string content)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        await new UploadBlobs(deployment.Storage).UploadAsync(blobName, stream, TestContext.Current.CancellationToken);
    }

    /// <summary>Writes every sample file of the sample period (schools and rubrics of the 18 municipalities) at once; returns how many.</summary>
    public static async Task<int> UploadSamplePeriodAsync(this LocalDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var uploads = Path.Combine(TestDeployment.RepositoryRoot, "samples", "uploads");
        var files = Directory.GetFiles(Path.Combine(uploads, SampleRegion.Period), "*", SearchOption.AllDirectories);
        foreach (var file in files)
        {
            await using var content = File.OpenRead(file);
            await new UploadBlobs(deployment.Storage).UploadAsync(Path.GetRelativePath(uploads, file).Replace('\\', '/'), content, TestContext.Current.CancellationToken);
        }

        return files.Length;
    }
}
