using System.Text;
using SchoolRisk.Cli;
using SchoolRisk.Storage.Uploads;

namespace SchoolRisk.Integration.Tests.Support;

/// <summary>Uploads as a municipality makes them: a file written to the uploads container of a running deployment.</summary>
public static class DeploymentUploads
{
    /// <summary>Writes <paramref name="content"/> (UTF-8 text) to <c>uploads/{blobName}</c>.</summary>
    public static async Task UploadAsync(this LocalDeployment deployment, string blobName, string content)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        await new UploadBlobStore(deployment.Storage).UploadAsync(blobName, stream, TestContext.Current.CancellationToken);
    }
}
